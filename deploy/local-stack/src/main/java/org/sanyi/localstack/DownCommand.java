package org.sanyi.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code down}: stops a running stack (foreground or detached) and waits until it is gone; also stops what a
 * killed launcher may have left behind (services, PostgreSQL).
 */
public final class DownCommand implements LauncherCommand {

    private static final Duration LAUNCHER_STOP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LEFTOVER_STOP_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "down";
    }

    @Override
    public String usage() {
        return "down";
    }

    @Override
    public String summary() {
        return "stop the running stack and wait until it is gone";
    }

    @Override
    public int run(List<String> arguments, StackContext context) throws Exception {
        CommandArguments.parse(arguments, Set.of(), Set.of());
        StackLayout layout = context.layout();
        StackSettings settings = StackState.read(layout.stackStateFile())
                .map(state -> state.applyTo(context.settings()))
                .orElse(context.settings());

        Optional<ProcessHandle> launcher = PidFiles.liveProcess(layout.launcherPidFile(), SanyiLauncher.MARKER);
        if (launcher.isPresent()) {
            long started = System.nanoTime();
            System.out.println(
                    "Stopping the local stack (launcher pid " + launcher.get().pid() + ")...");
            boolean gentle = PidFiles.terminate(launcher.get(), LAUNCHER_STOP_TIMEOUT);
            System.out.println(
                    gentle
                            ? "Launcher stopped services, Kafka and PostgreSQL (" + RunningStack.seconds(started) + ")."
                            : "The launcher did not stop within " + LAUNCHER_STOP_TIMEOUT.toSeconds()
                                    + " s and was killed.");
        } else {
            System.out.println("No launcher is running.");
        }

        stopLeftovers(context);
        PidFiles.deleteQuietly(layout.stackStateFile());
        PidFiles.deleteQuietly(layout.launcherPidFile());

        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "Kafka");
        ports.put(settings.kafkaControllerPort(), "Kafka controller");
        ports.put(settings.postgresPort(), "PostgreSQL");
        context.services().forEach(service -> ports.put(service.port(), service.name()));
        List<String> busy = new ArrayList<>();
        ports.forEach((port, purpose) -> {
            if (Ports.isListening(port)) {
                busy.add(port + " (" + purpose + ")");
            }
        });
        if (!busy.isEmpty()) {
            System.out.println("Still in use by some other process: " + String.join(", ", busy) + ".");
            return 1;
        }
        System.out.println("Everything is stopped; ports " + ports.keySet() + " are free.");
        return 0;
    }

    /** After a launcher was killed (kill -9, crash), its child processes keep running: stop them. */
    private static void stopLeftovers(StackContext context) {
        StackLayout layout = context.layout();
        for (ServiceDefinition service : context.services()) {
            PidFiles.liveProcess(layout.servicePidFile(service.name()), "quarkus-run.jar")
                    .ifPresent(process -> {
                        System.out.println("Stopping leftover " + service.name() + " (pid " + process.pid() + ")");
                        PidFiles.terminate(process, LEFTOVER_STOP_TIMEOUT);
                    });
            PidFiles.deleteQuietly(layout.servicePidFile(service.name()));
        }
        PidFiles.liveProcess(layout.postgresData().resolve("postmaster.pid"), "postgres")
                .ifPresent(process -> {
                    System.out.println("Stopping leftover PostgreSQL (pid " + process.pid() + ")");
                    PidFiles.terminate(process, LEFTOVER_STOP_TIMEOUT);
                });
    }
}
