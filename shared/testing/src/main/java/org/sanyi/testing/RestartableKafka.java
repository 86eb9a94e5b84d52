package org.sanyi.testing;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker that can be stopped and started again on the same ports with the same log
 * directory, so that a test can simulate a Kafka outage without losing data.
 */
final class RestartableKafka implements TestBroker {

    private final int brokerPort;
    private final int controllerPort;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Path logDirectory;
    private EmbeddedKafkaBroker broker;

    RestartableKafka() {
        this.brokerPort = freePort();
        this.controllerPort = freePort();
        try {
            this.logDirectory = Files.createTempDirectory("sanyi-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the Kafka log directory", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    @Override
    public synchronized boolean isRunning() {
        return broker != null && broker.isRunning();
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        // Same cluster id, ports and log directory every time: the restarted broker finds its old data.
        broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withKafkaHost("localhost")
                .withKafkaPort(brokerPort)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(properties -> {
                    properties.put("log.dir", logDirectory.toString());
                    properties.put("auto.create.topics.enable", "true");
                    // A controlled shutdown ends the broker's session, so its next start need not wait for it to
                    // expire.
                    properties.put("controlled.shutdown.enable", "true");
                })
                .start();
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Override
    public synchronized void stopAndDeleteData() {
        stop();
        try (Stream<Path> paths = Files.walk(logDirectory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort at JVM exit: a leftover temp directory is harmless.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }
}
