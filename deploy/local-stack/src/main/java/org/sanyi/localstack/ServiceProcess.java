package org.sanyi.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One service running as a child JVM from its {@code quarkus-run.jar} in a copy of the built application
 * ({@link StackLayout#serviceApplicationCopy}, also its working directory), output to its log file.
 */
public final class ServiceProcess {

    /**
     * Chosen by measurement (docs/benchmarks.md): small heap and code cache so a service idles near 200 MB, and C1
     * only, because on two cores the C2 compiler spent more CPU in the first minutes than the requests did.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xmx160m",
            "-Xms16m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m",
            "-Xss512k",
            "-XX:MaxMetaspaceSize=128m");

    /** Replaces {@link #JVM_OPTIONS} for every service when set (space-separated), e.g. to try other flags. */
    static final String JVM_OPTIONS_VARIABLE = "SANYI_SERVICE_JAVA_OPTS";

    public enum Readiness {
        READY,
        EXITED,
        TIMED_OUT
    }

    private final ServiceDefinition definition;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceDefinition definition, Process process, Path log) {
        this.definition = definition;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(
            ServiceDefinition definition, StackLayout layout, Map<String, String> environment) throws IOException {
        Path log = layout.serviceLog(definition.name());
        Files.createDirectories(log.getParent());
        Files.writeString(
                log,
                "# " + definition.name() + " started by the Sanyi launcher at " + Instant.now() + "\n",
                StandardCharsets.UTF_8);
        Path application = layout.serviceApplicationCopy(definition.name());
        ApplicationCopy.replace(layout.serviceBuiltApplication(definition.name()), application);
        List<String> classArchive = ClassArchive.options(layout.serviceClassArchive(definition.name()), application);
        ProcessBuilder builder = new ProcessBuilder(
                        command(application.resolve(StackLayout.QUARKUS_RUN_JAR), classArchive))
                .directory(application.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        PidFiles.write(layout.servicePidFile(definition.name()), process.pid());
        return new ServiceProcess(definition, process, log);
    }

    static List<String> command(Path runJar, List<String> classArchive) {
        List<String> command = new java.util.ArrayList<>();
        command.add(JavaRuntime.javaBinary());
        command.addAll(jvmOptions(System.getenv(JVM_OPTIONS_VARIABLE)));
        command.addAll(classArchive);
        command.add("-jar");
        command.add(runJar.toString());
        return command;
    }

    static List<String> jvmOptions(String override) {
        if (override == null || override.isBlank()) {
            return JVM_OPTIONS;
        }
        return List.of(override.trim().split("\\s+"));
    }

    public ServiceDefinition definition() {
        return definition;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** Polls {@code /q/health/ready} until it answers 200, the process exits or the timeout passes. */
    public Readiness awaitReady(Duration timeout, HealthProbe probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return Readiness.EXITED;
            }
            if (probe.ready(definition).ok()) {
                return Readiness.READY;
            }
            Thread.sleep(500);
        }
        return Readiness.TIMED_OUT;
    }

    /** SIGTERM (Quarkus shuts down gracefully), then a kill after the grace period. */
    public boolean stop(Duration grace) {
        return PidFiles.terminate(process.toHandle(), grace);
    }

    /** The last lines of the log, to show why a service did not start. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
