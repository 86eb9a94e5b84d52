package org.sanyi.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.sanyi.tokens.TokenContract;

/**
 * {@code up [-d]}: Kafka, PostgreSQL and every built service, in the foreground until Ctrl-C, or detached.
 */
public final class UpCommand implements LauncherCommand {

    static final String READY = "ready";
    static final String FAILED_PREFIX = "FAILED";

    /** Start of each service's process to its first ready answer, for the state file (bench reports it). */
    private final Map<String, Long> readyMillis = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String name() {
        return "up";
    }

    @Override
    public String usage() {
        return "up [-d]";
    }

    @Override
    public String summary() {
        return "start Kafka, PostgreSQL and the services (-d: in the background)";
    }

    @Override
    public String logFileName() {
        return "kafka.log";
    }

    @Override
    public int run(List<String> arguments, StackContext context) throws Exception {
        CommandArguments parsed =
                CommandArguments.parse(arguments, Set.of(), Set.of("-d", "--detach", DetachedLauncher.CHILD_FLAG));
        StackLayout layout = context.layout();

        Optional<ProcessHandle> running = PidFiles.liveProcess(layout.launcherPidFile(), SanyiLauncher.MARKER);
        if (running.isPresent()
                && running.get().pid() != ProcessHandle.current().pid()) {
            System.out.println("The local stack already runs (launcher pid "
                    + running.get().pid() + "). See ./sanyi status, or stop it with ./sanyi down.");
            return 1;
        }
        List<ServiceDefinition> toStart = new ArrayList<>();
        List<ServiceDefinition> notBuilt = new ArrayList<>();
        for (ServiceDefinition service : context.services()) {
            (Files.isRegularFile(layout.serviceRunJar(service.name())) ? toStart : notBuilt).add(service);
        }
        if (!portsAreFree(context, toStart)) {
            return 1;
        }
        if ((parsed.has("-d") || parsed.has("--detach")) && !parsed.has(DetachedLauncher.CHILD_FLAG)) {
            return DetachedLauncher.launch(context);
        }
        return runStack(context, toStart, notBuilt, parsed.has(DetachedLauncher.CHILD_FLAG));
    }

    private int runStack(
            StackContext context, List<ServiceDefinition> toStart, List<ServiceDefinition> notBuilt, boolean detached)
            throws Exception {
        StackLayout layout = context.layout();
        StackSettings settings = context.settings();
        PrintStream console = System.out;
        long stackStarted = System.nanoTime();
        PidFiles.write(layout.launcherPidFile(), ProcessHandle.current().pid());
        PidFiles.deleteQuietly(layout.stackStateFile());
        RunningStack stack = new RunningStack(layout, console);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "sanyi-stop"));

        console.println("Starting the Sanyi local stack in " + layout.repositoryRoot());
        // Initialise logging once here: Kafka and PostgreSQL starting side by side would race to do it.
        org.slf4j.LoggerFactory.getILoggerFactory();
        KeyMaterial keys = KeyMaterial.ensure(layout.keys());
        if (keys.generated()) {
            console.println("  Generated keys in " + layout.display(layout.keys()) + " (first run)");
        }
        keys.notes().forEach(note -> console.println("  " + note));

        LocalKafka kafka = new LocalKafka(
                layout.kafkaData(),
                layout.run().resolve("kafka-server.properties"),
                settings.kafkaPort(),
                settings.kafkaControllerPort());
        LocalPostgres postgres = new LocalPostgres(
                layout.postgresData(), layout.logs().resolve("postgres.log"), settings.postgresPort());
        // Independent and each a few seconds: start both at once.
        CompletableFuture<Void> kafkaStart = CompletableFuture.runAsync(() -> timed(console, "Kafka", () -> {
            kafka.start();
            stack.kafkaStarted(kafka);
            return settings.kafkaBootstrapServers() + ", data in " + layout.display(layout.kafkaData());
        }));
        CompletableFuture<Void> postgresStart = CompletableFuture.runAsync(() -> timed(console, "PostgreSQL", () -> {
            postgres.start();
            stack.postgresStarted(postgres);
            return "localhost:" + settings.postgresPort() + ", data in " + layout.display(layout.postgresData());
        }));
        try {
            CompletableFuture.allOf(kafkaStart, postgresStart).join();
        } catch (CompletionException e) {
            console.println(
                    "Could not start the infrastructure: " + e.getCause().getMessage());
            console.println("Details are in " + layout.display(layout.logs()) + "/kafka.log and postgres.log.");
            return 1;
        }
        for (ServiceDefinition service : context.services()) {
            if (postgres.ensureDatabase(service.database())) {
                console.println("  Created database " + service.database());
            }
        }

        for (ServiceDefinition service : notBuilt) {
            console.println("  Skipping " + service.name() + ": not built ("
                    + layout.display(layout.serviceRunJar(service.name())) + " is missing).");
        }
        Map<String, String> results = startServices(context, toStart, keys, stack, console);

        console.println();
        console.print(summary(context, results, stackStarted));
        console.println(
                detached ? "Stop with ./sanyi down." : "Stop with Ctrl-C, or ./sanyi down from another terminal.");
        console.flush();
        writeState(context, results, readyMillis);

        watchForUnexpectedExits(stack, results, console);
        // Runs until Ctrl-C or SIGTERM (./sanyi down); the shutdown hook stops everything.
        new CountDownLatch(1).await();
        return 0;
    }

    private Map<String, String> startServices(
            StackContext context,
            List<ServiceDefinition> toStart,
            KeyMaterial keys,
            RunningStack stack,
            PrintStream console)
            throws IOException {
        StackLayout layout = context.layout();
        Map<String, String> results = new LinkedHashMap<>();
        context.services().forEach(service -> results.put(service.name(), "not built"));
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceDefinition service : toStart) {
            ServiceProcess process = ServiceProcess.start(service, layout, serviceEnvironment(context, service, keys));
            stack.serviceStarted(process);
            started.add(process);
            console.println("  Starting " + service.name() + " on " + ServiceDefinition.HOST + ":" + service.port()
                    + " from a copy in " + layout.display(layout.serviceApplicationCopy(service.name())) + ", log "
                    + layout.display(process.log()));
        }
        HealthProbe probe = new HealthProbe();
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (ServiceProcess process : started) {
            long startedAt = System.nanoTime();
            waits.add(CompletableFuture.runAsync(() -> {
                ServiceProcess.Readiness readiness;
                try {
                    readiness = process.awaitReady(context.settings().readyTimeout(), probe);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                String name = process.definition().name();
                String log = layout.display(process.log());
                synchronized (results) {
                    switch (readiness) {
                        case READY -> {
                            results.put(name, READY);
                            readyMillis.put(name, (System.nanoTime() - startedAt) / 1_000_000);
                            console.println("  " + name + " ready (" + RunningStack.seconds(startedAt) + ")");
                        }
                        case EXITED -> {
                            results.put(name, FAILED_PREFIX + " (exited)");
                            console.println("  ERROR: " + name + " exited with code "
                                    + process.process().exitValue() + " before it was ready. Log: " + log
                                    + "; its end:");
                            process.logTail(15).forEach(line -> console.println("    | " + line));
                        }
                        case TIMED_OUT -> {
                            results.put(name, FAILED_PREFIX + " (not ready)");
                            console.println("  ERROR: " + name + " was not ready at "
                                    + process.definition().baseUrl()
                                    + "/q/health/ready within "
                                    + context.settings().readyTimeout().toSeconds()
                                    + " s. Log: " + log);
                        }
                    }
                }
            }));
        }
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        return results;
    }

    static Map<String, String> serviceEnvironment(StackContext context, ServiceDefinition service, KeyMaterial keys) {
        StackSettings settings = context.settings();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_HOST", ServiceDefinition.HOST);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", settings.jdbcUrl(service.database()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USERNAME);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        environment.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                keys.publicKeyFile().toAbsolutePath().toString());
        environment.put("MP_JWT_VERIFY_ISSUER", TokenContract.ISSUER);
        if (service.needsPseudonymKey()) {
            environment.put("SANYI_PSEUDONYM_KEY", keys.pseudonymKeyBase64());
        }
        return environment;
    }

    private static String summary(StackContext context, Map<String, String> results, long stackStarted) {
        StackSettings settings = context.settings();
        StackLayout layout = context.layout();
        TextTable services = new TextTable().row("SERVICE", "STATE", "SWAGGER UI", "HEALTH", "METRICS", "OPENAPI");
        for (ServiceDefinition service : context.services()) {
            String base = service.baseUrl();
            String result = results.get(service.name());
            if (result.equals("not built")) {
                services.row(service.name(), result, "-", "-", "-", "-");
            } else {
                services.row(
                        service.name(),
                        result,
                        base + "/q/swagger-ui",
                        base + "/q/health",
                        base + "/q/metrics",
                        base + "/q/openapi");
            }
        }
        TextTable infrastructure = new TextTable()
                .row("Kafka", settings.kafkaBootstrapServers(), "log " + layout.display(layout.logs()) + "/kafka.log")
                .row(
                        "PostgreSQL",
                        settings.jdbcUrl("<database>"),
                        "user " + LocalPostgres.USERNAME + " / password " + LocalPostgres.PASSWORD + ", databases "
                                + String.join(
                                        ", ",
                                        context.services().stream()
                                                .map(ServiceDefinition::database)
                                                .toList()))
                .row(
                        "Token",
                        "./sanyi token --org CODE --role ROLE",
                        "roles " + String.join(", ", TokenContract.ROLES) + "; aud: every service")
                .row("Keys", layout.display(layout.keys()))
                .row("Logs", layout.display(layout.logs()));
        return "Sanyi local stack is up (" + RunningStack.seconds(stackStarted) + "):\n\n" + services.render("  ")
                + "\n" + infrastructure.render("  ") + "\n";
    }

    private static void writeState(StackContext context, Map<String, String> results, Map<String, Long> readyMillis)
            throws IOException {
        Properties state = new Properties();
        state.setProperty("launcher.pid", String.valueOf(ProcessHandle.current().pid()));
        state.setProperty("started.at", Instant.now().toString());
        state.setProperty("kafka.port", String.valueOf(context.settings().kafkaPort()));
        state.setProperty(
                "kafka.controller.port", String.valueOf(context.settings().kafkaControllerPort()));
        state.setProperty("postgres.port", String.valueOf(context.settings().postgresPort()));
        results.forEach((service, result) -> state.setProperty("service." + service + ".state", result));
        readyMillis.forEach((service, millis) ->
                state.setProperty("service." + service + "." + StackState.READY_MILLIS, String.valueOf(millis)));
        Path file = context.layout().stackStateFile();
        // A unique name: a second launcher refused at start must not touch this one's file.
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try (OutputStream output = Files.newOutputStream(temporary)) {
            state.store(output, "Sanyi local stack, written when ready");
        }
        // Atomic: the detached parent and ./sanyi status treat the file's presence as "ready".
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reports a ready service that dies while the stack runs; failures at start were reported already. */
    private static void watchForUnexpectedExits(RunningStack stack, Map<String, String> results, PrintStream console) {
        stack.services().stream()
                .filter(service -> READY.equals(results.get(service.definition().name())))
                .forEach(service -> service.process().onExit().thenAccept(process -> {
                    if (!stack.isStopping()) {
                        console.println(service.definition().name() + " stopped unexpectedly (exit code "
                                + process.exitValue() + "); see " + service.log());
                        console.flush();
                    }
                }));
    }

    private static boolean portsAreFree(StackContext context, List<ServiceDefinition> toStart) {
        StackSettings settings = context.settings();
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(settings.kafkaPort(), "Kafka (SANYI_KAFKA_PORT)");
        wanted.put(settings.kafkaControllerPort(), "Kafka controller (SANYI_KAFKA_CONTROLLER_PORT)");
        wanted.put(settings.postgresPort(), "PostgreSQL (SANYI_POSTGRES_PORT)");
        toStart.forEach(service -> wanted.put(service.port(), service.name()));
        List<String> busy = new ArrayList<>();
        wanted.forEach((port, purpose) -> {
            if (Ports.isListening(port)) {
                busy.add("  port " + port + " for " + purpose + " is already in use");
            }
        });
        if (busy.isEmpty()) {
            return true;
        }
        System.out.println("Cannot start: something already listens on a port the stack needs.");
        busy.forEach(System.out::println);
        Path postmasterPid = context.layout().postgresData().resolve("postmaster.pid");
        PidFiles.liveProcess(postmasterPid, "postgres")
                .ifPresent(process -> System.out.println("  A PostgreSQL from an earlier run still runs (pid "
                        + process.pid() + "); ./sanyi down stops it."));
        System.out.println("Stop the other process (./sanyi status, ./sanyi down), or choose other ports with the "
                + "environment variables named above.");
        return false;
    }

    private interface Step {
        String run() throws Exception;
    }

    private static void timed(PrintStream console, String what, Step step) {
        long started = System.nanoTime();
        try {
            String detail = step.run();
            console.println("  " + what + " ready at " + detail + " (" + RunningStack.seconds(started) + ")");
        } catch (Exception e) {
            throw new CompletionException(new IOException(what + ": " + e.getMessage(), e));
        }
    }
}
