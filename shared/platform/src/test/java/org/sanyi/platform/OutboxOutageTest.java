package org.sanyi.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.sanyi.platform.probe.ProbeConsumer;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestTokens;

/**
 * The outbox keeps every event through a Kafka outage, and the inbox makes delivery effectively once: writes go on
 * while the broker is down, and afterwards every event reaches the consumer exactly once per id, in per-key order.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class OutboxOutageTest {

    private static final List<String> KEYS = List.of("OUT-A", "OUT-B", "OUT-C", "OUT-D");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProbeConsumer probeConsumer;

    @Test
    void eventsWrittenDuringAnOutageArriveOnceAndInOrder() throws Exception {
        Map<String, List<String>> written = new LinkedHashMap<>();
        writeRound(written, 3);

        SanyiTestInfrastructure.stopKafka();
        try {
            writeRound(written, 5); // the service keeps accepting writes while Kafka is away
            assertThat(pendingCount()).isPositive();
        } finally {
            SanyiTestInfrastructure.startKafka();
        }
        writeRound(written, 2);

        int expected = written.values().stream().mapToInt(List::size).sum();
        awaitUntil(Duration.ofSeconds(60), () -> pendingCount() == 0 && receivedCount() >= expected);

        Map<String, List<String>> received = receivedEventIdsByKey();
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(written.keySet());
        for (String key : written.keySet()) {
            assertThat(received.get(key)).as("events of %s, in order", key).containsExactlyElementsOf(written.get(key));
        }
        assertThat(duplicateEventIds()).as("each event id processed once").isZero();
    }

    @Test
    void aRedeliveredEventHasNoEffect() throws Exception {
        String id = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>("directory.institutions.v1", 0, 0L, "REDELIVER", "{\"version\":7}");
        record.headers().add("ce_id", id.getBytes());
        record.headers().add("ce_type", "org.sanyi.directory.institution.upserted.v1".getBytes());

        assertThat(probeConsumer.deliver(record)).isTrue();
        assertThat(probeConsumer.deliver(record)).isFalse();
        assertThat(count("select count(*) from probe_received where event_id = '" + id + "'"))
                .isEqualTo(1);
    }

    @Test
    void anUnprocessableEventGoesToTheDeadLetterTopicWithItsReason() throws Exception {
        String id = UUID.randomUUID().toString();
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", SanyiTestInfrastructure.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> poison = new ProducerRecord<>("directory.institutions.v1", "POISON", "{}");
            poison.headers().add("ce_id", id.getBytes());
            poison.headers().add("ce_type", "org.sanyi.unknown.thing.v1".getBytes());
            producer.send(poison).get();
        }
        try (KafkaConsumer<String, String> deadLetters = consumer("dlq-reader-" + id)) {
            deadLetters.subscribe(List.of("platform-probe.dead-letter"));
            String reason = null;
            Instant deadline = Instant.now().plusSeconds(60);
            while (reason == null && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : deadLetters.poll(Duration.ofMillis(500))) {
                    if (id.equals(header(record, "ce_id"))) {
                        reason = header(record, "dead-letter-reason");
                    }
                }
            }
            assertThat(reason).contains("unknown event type org.sanyi.unknown.thing.v1");
        }
        assertThat(count("select count(*) from inbox_message where event_id = '" + id + "'"))
                .as("the failed transaction left no inbox entry")
                .isZero();
    }

    private static void writeRound(Map<String, List<String>> written, int perKey) {
        for (int i = 0; i < perKey; i++) {
            for (String key : KEYS) {
                String eventId = given().header(
                                "Authorization", "Bearer " + TestTokens.mint("ADMIN", TestTokens.PLATFORM_ADMIN))
                        .post("/v1/probe/changes/" + key)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("eventId");
                written.computeIfAbsent(key, k -> new ArrayList<>()).add(eventId);
            }
        }
    }

    private Map<String, List<String>> receivedEventIdsByKey() throws Exception {
        Map<String, List<String>> received = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select aggregate, event_id from probe_received where aggregate like 'OUT-%' order by id")) {
            while (rows.next()) {
                received.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                        .add(rows.getString(2));
            }
        }
        return received;
    }

    private long pendingCount() throws Exception {
        return count("select count(*) from outbox_message where published_at is null and message_key like 'OUT-%'");
    }

    private long receivedCount() throws Exception {
        return count("select count(*) from probe_received where aggregate like 'OUT-%'");
    }

    private long duplicateEventIds() throws Exception {
        return count("select count(*) - count(distinct event_id) from probe_received where aggregate like 'OUT-%'");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties props = new Properties();
        props.put("bootstrap.servers", SanyiTestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value());
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Duration timeout, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
