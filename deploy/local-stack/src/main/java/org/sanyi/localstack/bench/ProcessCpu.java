package org.sanyi.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time per component of the stack, from {@code /proc} (Linux; empty elsewhere): what {@code top} would show,
 * summed over a phase, so the report can say which process used the cores.
 */
public final class ProcessCpu {

    /** Linux reports process CPU in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
    static final double TICKS_PER_SECOND = 100.0;

    public static final String SELF = "bench client (this JVM)";
    public static final String OTHER = "other processes";

    private static final Path PROC = Path.of("/proc");

    /** CPU ticks by component and of the whole machine at one moment. */
    public record Snapshot(
            long nanoTime,
            Map<Long, Long> ticksByPid,
            Map<Long, String> componentByPid,
            long machineBusyTicks,
            long machineTotalTicks) {}

    private ProcessCpu() {}

    public static boolean available() {
        return Files.isReadable(PROC.resolve("stat"));
    }

    /** @param knownPids components recognised by pid, e.g. the launcher from its pid file */
    public static Snapshot take(Map<Long, String> knownPids) {
        Map<Long, Long> ticks = new TreeMap<>();
        Map<Long, String> components = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        if (available()) {
            try (Stream<Path> entries = Files.list(PROC)) {
                entries.filter(path -> path.getFileName().toString().matches("\\d+"))
                        .forEach(path -> {
                            long pid = Long.parseLong(path.getFileName().toString());
                            try {
                                String stat = Files.readString(path.resolve("stat"), StandardCharsets.UTF_8);
                                String cmdline = new String(
                                                Files.readAllBytes(path.resolve("cmdline")), StandardCharsets.UTF_8)
                                        .replace('\0', ' ');
                                ticks.put(pid, cpuTicks(stat));
                                components.put(
                                        pid, knownPids.getOrDefault(pid, classify(pid, self, command(stat), cmdline)));
                            } catch (IOException | RuntimeException e) {
                                // the process ended while we looked
                            }
                        });
            } catch (IOException e) {
                // leave empty
            }
        }
        long[] machine = machineTicks();
        return new Snapshot(System.nanoTime(), ticks, components, machine[0], machine[1]);
    }

    /**
     * Cores used by each component between two snapshots, largest first, and the machine's busy share under the
     * key {@code ""}.
     */
    public static Map<String, Double> coresUsed(Snapshot before, Snapshot after) {
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        Map<String, Double> cores = new TreeMap<>();
        after.ticksByPid().forEach((pid, ticks) -> {
            long delta = ticks - before.ticksByPid().getOrDefault(pid, 0L);
            cores.merge(after.componentByPid().get(pid), delta / TICKS_PER_SECOND / seconds, Double::sum);
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        cores.entrySet().stream()
                .filter(entry -> entry.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        long total = after.machineTotalTicks() - before.machineTotalTicks();
        if (total > 0) {
            sorted.put("", (double) (after.machineBusyTicks() - before.machineBusyTicks()) / total);
        }
        return sorted;
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line (fields 14 and 15; the command name may hold spaces). */
    static long cpuTicks(String statLine) {
        String[] fields =
                statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static String command(String statLine) {
        return statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
    }

    static String classify(long pid, long self, String command, String cmdline) {
        if (pid == self) {
            return SELF;
        }
        for (String service : List.of("referral-service", "directory-service", "result-service")) {
            if (cmdline.contains("services/" + service + "/")) {
                return service;
            }
        }
        if (command.startsWith("postgres")) {
            return "PostgreSQL";
        }
        return OTHER;
    }

    /** Busy and total ticks of all cores from the first line of {@code /proc/stat}. */
    static long[] machineTicks() {
        try {
            String first = Files.readAllLines(PROC.resolve("stat")).get(0);
            return parseMachineTicks(first);
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** {@code cpu user nice system idle iowait irq softirq steal ...}: busy is everything but idle and iowait. */
    static long[] parseMachineTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            long value = Long.parseLong(fields[i]);
            total += value;
            if (i == 4 || i == 5) {
                idle += value;
            }
        }
        return new long[] {total - idle, total};
    }
}
