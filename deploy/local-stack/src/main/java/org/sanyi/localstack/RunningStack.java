package org.sanyi.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code up} command has started so far. Stops it in reverse dependency order: services first (they
 * use Kafka and PostgreSQL), then Kafka, then PostgreSQL.
 */
final class RunningStack {

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);

    private final StackLayout layout;
    private final PrintStream console;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalKafka kafka;
    private LocalPostgres postgres;
    private boolean stopping;

    RunningStack(StackLayout layout, PrintStream console) {
        this.layout = layout;
        this.console = console;
    }

    synchronized void kafkaStarted(LocalKafka started) {
        kafka = started;
    }

    synchronized void postgresStarted(LocalPostgres started) {
        postgres = started;
    }

    synchronized void serviceStarted(ServiceProcess service) {
        services.add(service);
    }

    synchronized List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /** Runs in the shutdown hook: after Ctrl-C, {@code ./sanyi down} (SIGTERM) or a failed start. */
    void stopAll() {
        List<ServiceProcess> toStop;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = new ArrayList<>(services);
        }
        console.println();
        console.println("Stopping the Sanyi local stack...");
        // Ask all at once, then wait for each: services stop in parallel.
        toStop.forEach(service -> service.process().toHandle().destroy());
        for (ServiceProcess service : toStop) {
            if (!service.process().isAlive()) {
                console.printf(
                        "  %-20s already stopped (exit code %d)%n",
                        service.definition().name(), service.process().exitValue());
                PidFiles.deleteQuietly(
                        layout.servicePidFile(service.definition().name()));
                continue;
            }
            long started = System.nanoTime();
            boolean gentle = service.stop(SERVICE_STOP_GRACE);
            console.printf(
                    "  %-20s %s (%s)%n",
                    service.definition().name(),
                    gentle ? "stopped" : "killed after " + SERVICE_STOP_GRACE.toSeconds() + " s",
                    seconds(started));
            PidFiles.deleteQuietly(layout.servicePidFile(service.definition().name()));
        }
        if (kafka != null) {
            long started = System.nanoTime();
            try {
                kafka.stop();
                console.printf("  %-20s stopped (%s)%n", "Kafka", seconds(started));
            } catch (RuntimeException e) {
                console.printf("  %-20s failed to stop cleanly: %s%n", "Kafka", e);
            }
        }
        if (postgres != null) {
            long started = System.nanoTime();
            try {
                postgres.stop();
                console.printf("  %-20s stopped (%s)%n", "PostgreSQL", seconds(started));
            } catch (Exception e) {
                console.printf("  %-20s failed to stop cleanly: %s%n", "PostgreSQL", e);
            }
        }
        PidFiles.deleteQuietly(layout.stackStateFile());
        PidFiles.deleteQuietly(layout.launcherPidFile());
        console.println("Stopped.");
        console.flush();
    }

    static String seconds(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}
