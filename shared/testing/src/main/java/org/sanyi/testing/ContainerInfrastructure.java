package org.sanyi.testing;

import org.jboss.logging.Logger;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers kind of {@link InfrastructureKind}: a {@code postgres} and an {@code apache/kafka} container on
 * the local Docker engine. Only loaded with {@code -Dsanyi.infra=testcontainers}, so the default run never touches
 * Docker.
 */
final class ContainerInfrastructure {

    private static final Logger LOG = Logger.getLogger(ContainerInfrastructure.class);

    static final String POSTGRES_IMAGE_PROPERTY = "sanyi.infra.postgres-image";
    /** The major version of the embedded binaries, so both kinds run the migrations on the same server. */
    static final String DEFAULT_POSTGRES_IMAGE = "postgres:14-alpine";

    static final String KAFKA_IMAGE_PROPERTY = "sanyi.infra.kafka-image";
    /** The version of the Kafka clients the Quarkus BOM brings. */
    static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static String engineProblem;
    private static boolean engineChecked;

    private ContainerInfrastructure() {}

    /**
     * Why the containers cannot run here, or null when a Docker engine answers. Asked once per JVM: the probe takes
     * a moment and its answer does not change during a run.
     */
    static synchronized String engineProblem() {
        if (!engineChecked) {
            engineChecked = true;
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
            if (!available) {
                engineProblem = "-D" + InfrastructureKind.PROPERTY + "=testcontainers runs the tests against PostgreSQL"
                        + " and Kafka containers, but no Docker engine is reachable (DOCKER_HOST="
                        + System.getenv().getOrDefault("DOCKER_HOST", "unset")
                        + "); skipping the tests that need them. Start a Docker engine, or run without -D"
                        + InfrastructureKind.PROPERTY + " for the embedded Kafka and PostgreSQL.";
                LOG.warn(engineProblem);
            }
        }
        return engineProblem;
    }

    /** Aborts the calling test (a JUnit assumption, reported as skipped) when there is no Docker engine. */
    static void assumeEngine() {
        String problem = engineProblem();
        if (problem != null) {
            throw new TestAbortedException(problem);
        }
    }

    static TestBroker startKafka() {
        KafkaContainer container = new KafkaContainer(image(KAFKA_IMAGE_PROPERTY, DEFAULT_KAFKA_IMAGE, "apache/kafka"));
        container.start();
        return new ContainerBroker(container);
    }

    static TestDatabase startPostgres() {
        String databaseName = FreshPostgres.randomDatabaseName();
        PostgreSQLContainer container = new PostgreSQLContainer(
                        image(POSTGRES_IMAGE_PROPERTY, DEFAULT_POSTGRES_IMAGE, "postgres"))
                .withDatabaseName(databaseName)
                .withUsername(TestDatabase.USERNAME)
                .withPassword(TestDatabase.PASSWORD);
        container.start();
        return new ContainerDatabase(container, databaseName);
    }

    private static DockerImageName image(String property, String defaultImage, String compatibleWith) {
        return DockerImageName.parse(System.getProperty(property, defaultImage))
                .asCompatibleSubstituteFor(compatibleWith);
    }

    private record ContainerBroker(KafkaContainer container) implements TestBroker {

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public boolean isRunning() {
            return container.isRunning();
        }

        @Override
        public void start() {
            // Reached only after stop(), which already aborted the test.
            throw outageNeedsEmbeddedBroker();
        }

        @Override
        public void stop() {
            throw outageNeedsEmbeddedBroker();
        }

        @Override
        public void stopAndDeleteData() {
            container.stop();
        }

        /**
         * A container restarted by Docker gets a new host port, and the clients under test would have to be told;
         * the outage tests need the broker back on the same address, which only the embedded broker gives.
         */
        private static TestAbortedException outageNeedsEmbeddedBroker() {
            return new TestAbortedException("Stopping and restarting Kafka on the same address needs the embedded"
                    + " broker: run this test without -D" + InfrastructureKind.PROPERTY + "=testcontainers");
        }
    }

    private record ContainerDatabase(PostgreSQLContainer container, String databaseName) implements TestDatabase {

        @Override
        public String jdbcUrl() {
            // Without the container's extra URL parameters: the same form as the embedded server's URL.
            return "jdbc:postgresql://" + container.getHost() + ":"
                    + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + databaseName;
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
