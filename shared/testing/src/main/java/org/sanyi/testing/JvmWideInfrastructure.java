package org.sanyi.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * Holds the one Kafka broker, PostgreSQL server and key set of a test JVM: embedded by default, containers with
 * {@code -Dsanyi.infra=testcontainers} (see {@link InfrastructureKind}).
 *
 * <p>Internal: use {@link SanyiTestInfrastructure} and {@link TestTokens}. Quarkus may load this library once
 * per test application class loader, so every public method here takes and returns only JDK types and is
 * reached through {@link JvmWideAccess}, which always calls the copy loaded by the system class loader.
 */
public final class JvmWideInfrastructure {

    private static final Logger LOG = Logger.getLogger(JvmWideInfrastructure.class);

    /** Broker and database internals log thousands of INFO lines per run; the application's clients keep theirs. */
    private static final List<String> EMBEDDED_SERVER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.controller",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.image",
            "org.apache.kafka.metadata",
            "org.apache.kafka.network",
            "org.apache.kafka.queue",
            "org.apache.kafka.raft",
            "org.apache.kafka.server",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            "io.zonky.test",
            // Every Kafka component prints its whole configuration at INFO.
            "org.apache.kafka.common.config.AbstractConfig");

    // JUL keeps loggers weakly: hold them so the levels set here stay.
    private static final List<java.util.logging.Logger> QUIETED_LOGGERS = new ArrayList<>();

    private static TestKeys keys;
    private static TestBroker kafka;
    private static TestDatabase postgres;
    private static boolean shutdownHookRegistered;

    private JvmWideInfrastructure() {}

    public static synchronized Map<String, String> start() {
        ensureStarted();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.datasource.username", TestDatabase.USERNAME);
        config.put("quarkus.datasource.password", TestDatabase.PASSWORD);
        config.put(
                "mp.jwt.verify.publickey.location",
                keys().publicKeyPem().toAbsolutePath().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("sanyi.pseudonym.key", keys().pseudonymKeyBase64());
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    public static synchronized String kafkaBootstrapServers() {
        ensureStarted();
        return kafka.bootstrapServers();
    }

    public static synchronized String jdbcUrl() {
        ensureStarted();
        return postgres.jdbcUrl();
    }

    public static synchronized void stopKafka() {
        ensureStarted();
        long started = System.nanoTime();
        withOwnContextClassLoader(kafka::stop);
        LOG.infof("Kafka at %s stopped in %d ms", kafka.bootstrapServers(), elapsedMillis(started));
    }

    public static synchronized void startKafka() {
        ensureStarted();
        long started = System.nanoTime();
        withOwnContextClassLoader(kafka::start);
        LOG.infof("Kafka at %s started again in %d ms", kafka.bootstrapServers(), elapsedMillis(started));
    }

    /** True when {@code -Dsanyi.infra=testcontainers} asks for containers. */
    public static boolean usesContainers() {
        return InfrastructureKind.selected() == InfrastructureKind.TESTCONTAINERS;
    }

    /** Why this JVM's tests cannot get their infrastructure, or null when they can. */
    public static String infrastructureProblem() {
        return usesContainers() ? ContainerInfrastructure.engineProblem() : null;
    }

    public static synchronized boolean isKafkaRunning() {
        return kafka != null && kafka.isRunning();
    }

    public static synchronized byte[] jwtPrivateKeyPkcs8() {
        return keys().jwtKeyPair().getPrivate().getEncoded();
    }

    public static synchronized String jwtPublicKeyLocation() {
        return keys().publicKeyPem().toAbsolutePath().toString();
    }

    public static synchronized String pseudonymKeyBase64() {
        return keys().pseudonymKeyBase64();
    }

    private static TestKeys keys() {
        if (keys == null) {
            keys = TestKeys.generate();
        }
        return keys;
    }

    private static void ensureStarted() {
        if (kafka != null && postgres != null) {
            return;
        }
        InfrastructureKind kind = InfrastructureKind.selected();
        if (kind == InfrastructureKind.TESTCONTAINERS) {
            ContainerInfrastructure.assumeEngine();
        }
        registerShutdownHook();
        quietEmbeddedServerLogs();
        long started = System.nanoTime();
        // Both take a few seconds and are independent: start them side by side.
        ExecutorService starter = Executors.newFixedThreadPool(2, JvmWideInfrastructure::ownContextThread);
        CompletableFuture<TestBroker> kafkaStart = CompletableFuture.supplyAsync(
                () -> {
                    long kafkaStarted = System.nanoTime();
                    TestBroker broker = startBroker(kind);
                    LOG.infof("Kafka started at %s in %d ms", broker.bootstrapServers(), elapsedMillis(kafkaStarted));
                    return broker;
                },
                starter);
        CompletableFuture<TestDatabase> postgresStart = CompletableFuture.supplyAsync(
                () -> {
                    long postgresStarted = System.nanoTime();
                    TestDatabase server = startDatabase(kind);
                    LOG.infof("PostgreSQL started at %s in %d ms", server.jdbcUrl(), elapsedMillis(postgresStarted));
                    return server;
                },
                starter);
        starter.shutdown();
        try {
            kafka = kafkaStart.join();
            postgres = postgresStart.join();
        } catch (CompletionException e) {
            // Do not leave half of the infrastructure running when the other half failed.
            kafkaStart.thenAccept(TestBroker::stopAndDeleteData);
            postgresStart.thenAccept(TestDatabase::close);
            kafka = null;
            postgres = null;
            throw new IllegalStateException("Sanyi test infrastructure failed to start", e.getCause());
        }
        keys();
        LOG.infof("Sanyi test infrastructure (%s) ready in %d ms", kind, elapsedMillis(started));
    }

    private static TestBroker startBroker(InfrastructureKind kind) {
        if (kind == InfrastructureKind.TESTCONTAINERS) {
            return ContainerInfrastructure.startKafka();
        }
        RestartableKafka broker = new RestartableKafka();
        broker.start();
        return broker;
    }

    private static TestDatabase startDatabase(InfrastructureKind kind) {
        return kind == InfrastructureKind.TESTCONTAINERS
                ? ContainerInfrastructure.startPostgres()
                : FreshPostgres.start();
    }

    private static void quietEmbeddedServerLogs() {
        if (!QUIETED_LOGGERS.isEmpty() || Boolean.getBoolean("sanyi.testing.verbose-infrastructure")) {
            return;
        }
        for (String name : EMBEDDED_SERVER_LOGGERS) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED_LOGGERS.add(logger);
        }
    }

    /**
     * Kafka loads classes by name through the context class loader; under Quarkus that is the application's loader,
     * which holds a second copy of the Kafka classes. The broker must see only the copy this class was loaded with.
     */
    private static Thread ownContextThread(Runnable task) {
        Thread thread = new Thread(task, "sanyi-test-infra-start");
        thread.setContextClassLoader(JvmWideInfrastructure.class.getClassLoader());
        thread.setDaemon(true);
        return thread;
    }

    private static void withOwnContextClassLoader(Runnable action) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(JvmWideInfrastructure.class.getClassLoader());
        try {
            action.run();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static void registerShutdownHook() {
        if (shutdownHookRegistered) {
            return;
        }
        shutdownHookRegistered = true;
        Thread hook = new Thread(JvmWideInfrastructure::shutdown, "sanyi-test-infra-stop");
        hook.setContextClassLoader(JvmWideInfrastructure.class.getClassLoader());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static synchronized void shutdown() {
        if (kafka != null) {
            kafka.stopAndDeleteData();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
