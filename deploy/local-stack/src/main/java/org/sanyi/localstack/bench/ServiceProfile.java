package org.sanyi.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of a running service, started and stopped with {@code jcmd}, and where its CPU samples fall. It
 * records execution samples only (every 10 ms of each running Java thread): with JFR's "profile" or "default" settings
 * the service's CPU per create more than tripled on this machine, which hides what is measured.
 */
public final class ServiceProfile {

    private static final String RECORDING = "sanyi-bench";
    private static final String SAMPLES_ONLY =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="sanyi-bench" description="Execution samples only">
              <event name="jdk.ExecutionSample">
                <setting name="enabled">true</setting>
                <setting name="period">10 ms</setting>
              </event>
            </configuration>
            """;

    private final long pid;
    private final Path file;

    private ServiceProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Starts recording in the JVM {@code pid}, to {@code file} (absolute) when stopped. */
    public static ServiceProfile start(long pid, Path file) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
        Path settings = Files.writeString(folder.resolve("bench-samples-only.jfc"), SAMPLES_ONLY);
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=" + settings, "filename=" + file.toAbsolutePath());
        return new ServiceProfile(pid, file);
    }

    /** Stops the recording; the JVM writes it to the file. */
    public Path stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + RECORDING);
        return file;
    }

    /**
     * The libraries a sample is charged to, by package prefix: the innermost frame outside the JDK decides, so time
     * in {@code java.*} is charged to the library that called it and the shares add up to 100 %.
     */
    public static final List<Map.Entry<String, List<String>>> SUBSYSTEMS = List.of(
            Map.entry("exchange code (org.sanyi)", List.of("org.sanyi.")),
            Map.entry("HTTP server (Vert.x, Netty)", List.of("io.vertx.", "io.netty.")),
            Map.entry(
                    "REST layer (RESTEasy Reactive)", List.of("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.")),
            Map.entry("JSON (Jackson)", List.of("com.fasterxml.jackson.")),
            Map.entry("Bean Validation", List.of("org.hibernate.validator.")),
            Map.entry("Hibernate ORM", List.of("org.hibernate.")),
            Map.entry("JDBC driver (pgjdbc)", List.of("org.postgresql.")),
            Map.entry("connection pool (Agroal)", List.of("io.agroal.")),
            Map.entry("transactions (Narayana)", List.of("com.arjuna.", "io.quarkus.narayana.")),
            Map.entry("tokens (SmallRye JWT, jose4j)", List.of("io.smallrye.jwt.", "org.jose4j.")),
            Map.entry("Kafka client", List.of("org.apache.kafka.")),
            Map.entry("CDI (ArC)", List.of("io.quarkus.arc.")),
            Map.entry("metrics (Micrometer)", List.of("io.micrometer.")));

    /**
     * The execution samples of a recording: by the package of their top frame, by top method, by thread (numbers
     * stripped from the name) and by the library they are charged to.
     */
    public static Samples samples(Path recording) throws IOException {
        Map<String, Long> byPackage = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> bySubsystem = new HashMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            RecordedFrame top = frames.get(0);
            String type = top.getMethod().getType().getName();
            int lastDot = type.lastIndexOf('.');
            byPackage.merge(lastDot < 0 ? "(default)" : type.substring(0, lastDot), 1L, Long::sum);
            byMethod.merge(type + "." + top.getMethod().getName(), 1L, Long::sum);
            byThread.merge(threadGroup(event), 1L, Long::sum);
            bySubsystem.merge(
                    chargedTo(frames.stream()
                            .map(frame -> frame.getMethod().getType().getName())
                            .toList()),
                    1L,
                    Long::sum);
            total++;
        }
        return new Samples(total, byPackage, byMethod, byThread, bySubsystem);
    }

    private static String threadGroup(RecordedEvent sample) {
        RecordedThread thread = sample.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "(unnamed)" : thread.getJavaName();
        return name.replaceAll("[-#\\s]*\\d+", "").strip();
    }

    /**
     * The library of the innermost frame outside the JDK; "JDK only" when every frame is the JDK's.
     *
     * @param types the class of each frame, innermost first
     */
    static String chargedTo(List<String> types) {
        for (String type : types) {
            if (isJdk(type)) {
                continue;
            }
            for (Map.Entry<String, List<String>> subsystem : SUBSYSTEMS) {
                if (subsystem.getValue().stream().anyMatch(type::startsWith)) {
                    return subsystem.getKey();
                }
            }
            int lastDot = type.lastIndexOf('.');
            return "other: " + (lastDot < 0 ? type : type.substring(0, lastDot));
        }
        return "JDK only (threads, GC hooks, JFR)";
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.")
                || type.startsWith("javax.")
                || type.startsWith("jdk.")
                || type.startsWith("sun.")
                || type.startsWith("com.sun.");
    }

    /** Samples counted by the top frame's package and method, by thread, and by the library they are charged to. */
    public record Samples(
            long total,
            Map<String, Long> byPackage,
            Map<String, Long> byMethod,
            Map<String, Long> byThread,
            Map<String, Long> bySubsystem) {

        public List<Map.Entry<String, Long>> topThreads(int n) {
            return top(byThread, n);
        }

        public List<Map.Entry<String, Long>> topSubsystems(int n) {
            return top(bySubsystem, n);
        }

        public List<Map.Entry<String, Long>> topPackages(int n) {
            return top(byPackage, n);
        }

        public List<Map.Entry<String, Long>> topMethods(int n) {
            return top(byMethod, n);
        }

        public double share(long count) {
            return total == 0 ? 0 : 100.0 * count / total;
        }

        private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(n)
                    .toList();
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IOException("No jcmd in " + jcmd.getParent() + "; --profile needs a JDK, not only a JRE");
        }
        List<String> arguments = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process process =
                new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
