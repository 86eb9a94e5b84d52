package org.sanyi.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The test resource of every service: a real Kafka broker (KRaft, random port), a real PostgreSQL server with a
 * fresh randomly named database, and run-time generated JWT and pseudonym keys. Started once per JVM and shared by
 * all test classes and profiles; stopped when the JVM exits.
 *
 * <p>Broker and database are embedded in the test JVM by default. With {@code -Dsanyi.infra=testcontainers} they are
 * {@code postgres} and {@code apache/kafka} containers instead; where no Docker engine answers, the tests that need
 * them are skipped with a message saying so ({@link ContainerEngineCondition} for Quarkus tests, a JUnit assumption
 * for plain ones).
 *
 * <pre>{@code @QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)}</pre>
 */
public class SanyiTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> start() {
        return (Map<String, String>) JvmWideAccess.invoke("start");
    }

    @Override
    public void stop() {
        // Shared by every test application of this JVM: a JVM shutdown hook stops it after the last one.
    }

    /** Starts the infrastructure if needed; returns {@code host:port} of the Kafka broker. */
    public static String kafkaBootstrapServers() {
        return (String) JvmWideAccess.invoke("kafkaBootstrapServers");
    }

    /** Starts the infrastructure if needed; returns the JDBC URL of this JVM's fresh database. */
    public static String jdbcUrl() {
        return (String) JvmWideAccess.invoke("jdbcUrl");
    }

    public static String databaseUsername() {
        return TestDatabase.USERNAME;
    }

    public static String databasePassword() {
        return TestDatabase.PASSWORD;
    }

    /** Stops the broker to simulate an outage; its data and address are kept for {@link #startKafka()}. */
    public static void stopKafka() {
        JvmWideAccess.invoke("stopKafka");
    }

    /** Starts the broker again on the same port with the same log directory. */
    public static void startKafka() {
        JvmWideAccess.invoke("startKafka");
    }

    public static boolean isKafkaRunning() {
        return (Boolean) JvmWideAccess.invoke("isKafkaRunning");
    }

    /** Absolute path of the PEM public key that verifies {@link TestTokens}. */
    public static String jwtPublicKeyLocation() {
        return (String) JvmWideAccess.invoke("jwtPublicKeyLocation");
    }

    /** The base64 pseudonym key given to the application as {@code sanyi.pseudonym.key}. */
    public static String pseudonymKey() {
        return (String) JvmWideAccess.invoke("pseudonymKeyBase64");
    }
}
