package org.sanyi.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Pid files, and the live processes they name, checked against pid reuse by a marker in the command line. */
public final class PidFiles {

    private PidFiles() {}

    public static void write(Path file, long pid) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, pid + "\n", StandardCharsets.US_ASCII);
    }

    /** The first line of the file as a pid, if the file exists and holds one. */
    public static Optional<Long> read(Path file) {
        try {
            String firstLine = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .findFirst()
                    .orElse("")
                    .strip();
            return Optional.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The live process named by the file whose command line contains {@code marker} (so that a recycled pid is
     * never mistaken for ours).
     */
    public static Optional<ProcessHandle> liveProcess(Path file, String marker) {
        return read(file)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .commandLine()
                        .map(line -> line.contains(marker))
                        .orElse(true));
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stale file is detected as such at the next run.
        }
    }

    /** Asks the process to stop (SIGTERM), then kills it after {@code grace}; returns whether it stopped gently. */
    public static boolean terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller's port check
            }
            return false;
        }
    }
}
