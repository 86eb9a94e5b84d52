package org.sanyi.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running inside this JVM and
 * keeping its data in a directory across runs.
 */
public final class LocalKafka {

    private final Path dataDirectory;
    private final Path configFile;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param configFile where the effective {@code server.properties} is written, for reference and for the
     *     storage formatter
     */
    public LocalKafka(Path dataDirectory, Path configFile, int port, int controllerPort) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.configFile = configFile.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        Files.createDirectories(dataDirectory);
        Files.createDirectories(configFile.getParent());
        Properties properties = serverProperties();
        try (OutputStream output = Files.newOutputStream(configFile)) {
            properties.store(output, "Written by the Sanyi launcher at every start; edits are overwritten.");
        }
        formatStorageOnFirstRun();
        KafkaRaftServer started = createServer(properties);
        started.startup();
        server = started;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /**
     * {@code new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM)}, by reflection: compiling against
     * KafkaConfig needs kafka-server, which kafka_2.13 declares only at runtime scope, and declaring it here would
     * mean a second Kafka version to keep in step with the Quarkus BOM.
     */
    private static KafkaRaftServer createServer(Properties properties) throws IOException {
        try {
            Class<?> configClass = Class.forName("kafka.server.KafkaConfig");
            Object config = configClass
                    .getMethod("fromProps", Properties.class, boolean.class)
                    .invoke(null, properties, false);
            return KafkaRaftServer.class.getConstructor(configClass, Time.class).newInstance(config, Time.SYSTEM);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IOException("Invalid Kafka configuration: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "This kafka_2.13 version has no KafkaConfig.fromProps(Properties, boolean)", e);
        }
    }

    Properties serverProperties() {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.setProperty(
                "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", dataDirectory.toString());
        properties.setProperty("auto.create.topics.enable", "true");
        properties.setProperty("num.partitions", "1");
        // One broker: every replication setting must be 1 or internal topics can never be created.
        properties.setProperty("default.replication.factor", "1");
        properties.setProperty("min.insync.replicas", "1");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions start faster on a laptop.
        properties.setProperty("offsets.topic.num.partitions", "10");
        properties.setProperty("transaction.state.log.num.partitions", "10");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        // Ends the broker's session at shutdown, so the next start need not wait for it to expire.
        properties.setProperty("controlled.shutdown.enable", "true");
        return properties;
    }

    /** The id the data directory was formatted with (the formatter refuses another one), or a new one. */
    private String clusterId() throws IOException {
        Path metaProperties = dataDirectory.resolve("meta.properties");
        if (Files.isRegularFile(metaProperties)) {
            Properties meta = new Properties();
            try (java.io.InputStream input = Files.newInputStream(metaProperties)) {
                meta.load(input);
            }
            String existing = meta.getProperty("cluster.id");
            if (existing != null && !existing.isBlank()) {
                return existing;
            }
        }
        return Uuid.randomUuid().toString();
    }

    private void formatStorageOnFirstRun() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {
                        "format", "--cluster-id", clusterId(), "--config", configFile.toString(), "--ignore-formatted"
                    },
                    print);
        } catch (RuntimeException e) {
            throw new IOException("Could not format the Kafka storage in " + dataDirectory + ": " + e.getMessage(), e);
        }
        if (exitCode != 0) {
            throw new IOException("Could not format the Kafka storage in " + dataDirectory + ": "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
