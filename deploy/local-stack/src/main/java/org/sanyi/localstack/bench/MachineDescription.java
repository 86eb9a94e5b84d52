package org.sanyi.localstack.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The machine a benchmark ran on, for the report: figures mean little without it. */
public record MachineDescription(int cores, long memoryBytes, String cpuModel, String java, String os) {

    public static MachineDescription current() {
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new MachineDescription(
                Runtime.getRuntime().availableProcessors(),
                memory,
                readCpuModel().orElse(System.getProperty("os.arch")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %.1f GiB memory, %s, %s",
                cores,
                cpuModel,
                memoryBytes / (1024.0 * 1024 * 1024),
                java,
                os);
    }

    static Optional<String> readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
