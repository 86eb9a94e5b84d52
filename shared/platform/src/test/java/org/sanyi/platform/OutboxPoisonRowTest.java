package org.sanyi.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventType;
import org.sanyi.events.Topic;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestTokens;

/**
 * A row the broker refuses for good (here: larger than the producer's request limit) is retried a bounded number of
 * times and then parked; the later rows of its key wait behind it, other keys and the clean-up go on, and the parked
 * row shows in the metrics and in the wellness check. Test configuration: 5 attempts, 100 ms to 1 s backoff.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class OutboxPoisonRowTest {

    private static final String TOPIC = Topic.DIRECTORY_INSTITUTIONS.topicName();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Test
    void aPoisonRowIsParkedItsKeyWaitsAndEverythingElseGoesOn() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String poisonKey = "POISON-" + suffix;
        String otherKey = "FINE-" + suffix;
        UUID poison = UUID.randomUUID();
        UUID behindPoison = UUID.randomUUID();
        UUID otherKeys = UUID.randomUUID();
        UUID longPublished = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, poison, poisonKey, "{\"pad\":\"" + "x".repeat(1_200_000) + "\"}", null);
            insert(connection, behindPoison, poisonKey, "{\"version\":2}", null);
            insert(connection, otherKeys, otherKey, "{\"version\":1}", null);
            insert(
                    connection,
                    longPublished,
                    "OLD-" + suffix,
                    "{\"version\":1}",
                    Instant.now().minus(Duration.ofDays(30)));
            connection.commit();
        }

        boolean cleanedUpWhileFailing = false;
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            boolean parked = query("select parked_at is not null from outbox_message where id = ?", poison)
                    .equals("t");
            boolean oldRowGone = query("select count(*) from outbox_message where id = ?", longPublished)
                    .equals("0");
            cleanedUpWhileFailing |= oldRowGone && !parked;
            if (parked) {
                break;
            }
            assertThat(Instant.now()).as("poison row parked in time").isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(cleanedUpWhileFailing)
                .as("published rows past retention are deleted while a key keeps failing")
                .isTrue();

        assertThat(query("select attempts from outbox_message where id = ?", poison))
                .isEqualTo("5");
        assertThat(query("select last_error from outbox_message where id = ?", poison))
                .contains("RecordTooLargeException");
        awaitUntil(() -> !query("select published_at is not null from outbox_message where id = ?", otherKeys)
                .equals("f"));
        assertThat(query("select published_at is not null from outbox_message where id = ?", otherKeys))
                .as("other keys are published")
                .isEqualTo("t");
        Thread.sleep(1500); // a few more relay turns: the row behind the parked one must still not go
        assertThat(query(
                        "select published_at is null and parked_at is null from outbox_message where id = ?",
                        behindPoison))
                .as("the later row of the parked key waits, unparked")
                .isEqualTo("t");
        assertThat(query("select count(*) from probe_received where aggregate = ?", poisonKey))
                .as("nothing of the parked key reached the topic, so it cannot overtake the parked event")
                .isEqualTo("0");

        assertThat(gauge("sanyi.outbox.parked")).isGreaterThanOrEqualTo(1);
        assertThat(gauge("sanyi.outbox.blocked")).isGreaterThanOrEqualTo(1);
        assertThat(gauge("sanyi.outbox.pending")).isGreaterThanOrEqualTo(1);
        assertThat(gauge("sanyi.outbox.oldest.pending.age")).isGreaterThanOrEqualTo(0);
        given().get("/q/health/well")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"));

        // The operator's way out: delete (or release) the parked row; the key's later row then goes out.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from outbox_message where id = ?")) {
            delete.setObject(1, poison);
            delete.executeUpdate();
        }
        awaitUntil(() -> query("select published_at is not null from outbox_message where id = ?", behindPoison)
                .equals("t"));
        awaitUntil(() -> query("select count(*) from probe_received where aggregate = ?", poisonKey)
                .equals("1"));
        Thread.sleep(1100); // past the backlog cache
        given().get("/q/health/well")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
    }

    @Test
    void theRelayCreatesATopicAsTheCatalogueSaysBeforeItsFirstEvent() throws Exception {
        // Nothing in the probe application provisions or reads directory.groups.v1, and the test broker
        // auto-creates topics with one partition and no compaction: only the relay can get it right.
        String id = "GRP-PROBE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String eventId = given().header(
                        "Authorization", "Bearer " + TestTokens.mint("ADMIN", TestTokens.PLATFORM_ADMIN))
                .post("/v1/probe/group-changes/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("eventId");
        awaitUntil(() -> query(
                        "select published_at is not null from outbox_message where id = ?", UUID.fromString(eventId))
                .equals("t"));
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SanyiTestInfrastructure.kafkaBootstrapServers()))) {
            String name = Topic.DIRECTORY_GROUPS.topicName();
            assertThat(admin.describeTopics(List.of(name))
                            .allTopicNames()
                            .get()
                            .get(name)
                            .partitions())
                    .hasSize(3);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            assertThat(admin.describeConfigs(List.of(resource))
                            .all()
                            .get()
                            .get(resource)
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
        }
    }

    private static void insert(Connection connection, UUID id, String key, String payload, Instant publishedAt)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox_message"
                + " (id, topic, message_key, event_type, data_schema, subject, occurred_at, payload, published_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, TOPIC);
            insert.setString(3, key);
            insert.setString(4, EventType.INSTITUTION_UPSERTED.ceType());
            insert.setString(5, EventType.INSTITUTION_UPSERTED.dataSchema().toString());
            insert.setString(6, key);
            insert.setTimestamp(7, Timestamp.from(publishedAt == null ? Instant.now() : publishedAt));
            insert.setString(8, payload);
            insert.setTimestamp(9, publishedAt == null ? null : Timestamp.from(publishedAt));
            insert.executeUpdate();
        }
    }

    /** The first column of the first row as text; booleans as "t"/"f". */
    private String query(String sql, Object parameter) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return "";
                }
                Object value = result.getObject(1);
                return value instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(value);
            }
        }
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Condition condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.holds()) {
            assertThat(Instant.now()).as("condition met in time").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
