package org.sanyi.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code up -d}: starts a copy of this launcher in the background (its own session, immune to the terminal's
 * hang-up), shows its output until the stack is ready, then returns.
 */
final class DetachedLauncher {

    static final String CHILD_FLAG = "--detached-child";

    private DetachedLauncher() {}

    static int launch(StackContext context) throws IOException, InterruptedException {
        StackLayout layout = context.layout();
        Path log = layout.launcherLog();
        Files.createDirectories(log.getParent());
        Files.writeString(log, "");

        List<String> command = new ArrayList<>();
        // setsid: no controlling terminal, so closing it does not stop the stack. nohup where setsid is missing.
        command.add(onPath("setsid").isPresent() ? "setsid" : "nohup");
        command.add(JavaRuntime.javaBinary());
        command.addAll(JavaRuntime.launcherJvmOptions());
        command.add("-cp");
        command.add(JavaRuntime.classPath());
        command.add(SanyiLauncher.class.getName());
        command.add("up");
        command.add(CHILD_FLAG);
        Process child = new ProcessBuilder(command)
                .directory(layout.repositoryRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();

        long deadline = System.nanoTime()
                + context.settings().readyTimeout().plusMinutes(3).toNanos();
        try (InputStream output = Files.newInputStream(log)) {
            while (true) {
                copyAvailable(output);
                if (Files.exists(layout.stackStateFile())
                        && PidFiles.read(layout.launcherPidFile()).orElse(-1L) == child.pid()) {
                    copyAvailable(output);
                    System.out.println("Running in the background (launcher pid " + child.pid() + "); "
                            + "its output continues in " + layout.display(log) + ".");
                    boolean someFailed = StackState.read(layout.stackStateFile())
                            .map(state -> state.raw().values().stream()
                                    .anyMatch(value -> value.toString().startsWith(UpCommand.FAILED_PREFIX)))
                            .orElse(false);
                    // Exit code 2: the stack runs, but not every built service became ready.
                    return someFailed ? 2 : 0;
                }
                if (!child.isAlive()) {
                    Thread.sleep(200);
                    copyAvailable(output);
                    System.out.println("The stack did not start (launcher exited with code " + child.exitValue()
                            + "); see " + layout.display(log) + ".");
                    return 1;
                }
                if (System.nanoTime() > deadline) {
                    System.out.println("The stack is still starting after the timeout; it keeps running in the "
                            + "background. Check ./sanyi status or " + layout.display(log) + ".");
                    return 1;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void copyAvailable(InputStream output) throws IOException {
        byte[] buffer = new byte[8192];
        int available;
        while ((available = output.available()) > 0) {
            int read = output.read(buffer, 0, Math.min(buffer.length, available));
            if (read <= 0) {
                break;
            }
            System.out.write(buffer, 0, read);
        }
        System.out.flush();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
