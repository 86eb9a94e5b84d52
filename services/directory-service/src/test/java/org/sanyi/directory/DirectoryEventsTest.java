package org.sanyi.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventSchemas;
import org.sanyi.events.EventType;
import org.sanyi.events.Topic;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class DirectoryEventsTest {

    @Inject
    AgroalDataSource dataSource;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChangeIsPublishedAsACloudEventWithTheFullSnapshot() throws Exception {
        String code = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县事件测试医院", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(201);
        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body(Callers.institutionBody("周宁县事件测试医院（改名）", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicReader.of(Topic.DIRECTORY_INSTITUTIONS.topicName())
                .within(TIMEOUT)
                .readUntil(
                        read -> read.stream().filter(r -> code.equals(r.key())).count() >= 2);

        List<ConsumerRecord<String, String>> ours =
                records.stream().filter(r -> code.equals(r.key())).toList();
        assertThat(ours).hasSize(2);
        ConsumerRecord<String, String> latest = ours.get(1);
        assertThat(TopicReader.header(latest, "ce_type")).isEqualTo("org.sanyi.directory.institution.upserted.v1");
        assertThat(TopicReader.header(latest, "ce_subject")).isEqualTo(code);
        assertThat(TopicReader.header(latest, "ce_dataschema"))
                .isEqualTo("urn:sanyi:event-schema:directory/institution-upserted.v1")
                .isEqualTo(EventType.INSTITUTION_UPSERTED.dataSchema().toString());
        assertThat(TopicReader.header(latest, "ce_source")).isEqualTo("/sanyi/directory-service");
        assertThat(TopicReader.header(latest, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(TopicReader.header(latest, "ce_id"))).isNotNull();
        assertThat(TopicReader.header(latest, "ce_id")).isNotEqualTo(TopicReader.header(ours.get(0), "ce_id"));

        JsonNode data = JSON.readTree(latest.value());
        assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, data))
                .isEmpty();
        assertThat(data.get("code").asText()).isEqualTo(code);
        assertThat(data.get("name").asText()).isEqualTo("周宁县事件测试医院（改名）");
        assertThat(data.get("version").asLong()).isEqualTo(2);
        assertThat(data.get("region").get("countyCode").asText()).isEqualTo("350925");
        assertThat(JSON.readTree(ours.get(0).value()).get("version").asLong()).isEqualTo(1);

        // The platform's default: an acknowledged row is deleted, not kept as a second copy of the payload.
        UUID[] eventIds = ours.stream()
                .map(record -> UUID.fromString(TopicReader.header(record, "ce_id")))
                .toArray(UUID[]::new);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (outboxRowsOf(eventIds) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(outboxRowsOf(eventIds)).as("outbox rows of published events").isZero();
    }

    private long outboxRowsOf(UUID[] eventIds) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from outbox_message where id = any(?)")) {
            count.setArray(1, connection.createArrayOf("uuid", eventIds));
            try (var result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void aGroupChangeIsPublishedKeyedByGroupId() throws Exception {
        String id = Callers.freshCode("GRP-ZN");
        Callers.asAdmin()
                .body("{\"name\": \"周宁县事件测试集团\", \"kind\": \"SPECIALTY_ALLIANCE\", \"regionCode\": \"350925\"}")
                .put("/v1/groups/" + id)
                .then()
                .statusCode(201);
        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body("{\"memberships\": [{\"institutionCode\": \"ND-H02\", \"role\": \"LEAD\","
                        + " \"validFrom\": \"2024-01-01\"}]}")
                .put("/v1/groups/" + id + "/memberships")
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicReader.of(Topic.DIRECTORY_GROUPS.topicName())
                .within(TIMEOUT)
                .readUntil(read -> TopicReader.lastWithKey(read, id)
                        .map(r -> r.value().contains("\"version\":2"))
                        .orElse(false));

        ConsumerRecord<String, String> latest =
                TopicReader.lastWithKey(records, id).orElseThrow();
        assertThat(TopicReader.header(latest, "ce_type")).isEqualTo("org.sanyi.directory.group.upserted.v1");
        assertThat(TopicReader.header(latest, "ce_subject")).isEqualTo(id);
        assertThat(TopicReader.header(latest, "ce_dataschema"))
                .isEqualTo("urn:sanyi:event-schema:directory/group-upserted.v1");
        JsonNode data = JSON.readTree(latest.value());
        assertThat(EventSchemas.violations(EventType.MEDICAL_GROUP_UPSERTED, data))
                .isEmpty();
        assertThat(data.get("memberships").get(0).get("institutionCode").asText())
                .isEqualTo("ND-H02");
        assertThat(data.get("memberships").get(0).get("role").asText()).isEqualTo("LEAD");
    }

    @Test
    void aFreshStacksTopicsHoldTheSeedRegion() throws Exception {
        Set<String> seededInstitutions = Set.of("ND-H01", "ND-H02", "NDXP-H01", "NDXP-EC01", "FJ-H01", "ND-MR01");
        List<ConsumerRecord<String, String>> institutions = TopicReader.of(Topic.DIRECTORY_INSTITUTIONS.topicName())
                .within(TIMEOUT)
                .readUntil(read -> keys(read).size() >= 35);
        assertThat(keys(institutions)).hasSizeGreaterThanOrEqualTo(35).containsAll(seededInstitutions);
        for (ConsumerRecord<String, String> record : institutions) {
            assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, JSON.readTree(record.value())))
                    .as("schema violations of %s", record.key())
                    .isEmpty();
        }

        List<ConsumerRecord<String, String>> groups = TopicReader.of(Topic.DIRECTORY_GROUPS.topicName())
                .within(TIMEOUT)
                .readUntil(read -> keys(read).size() >= 8);
        assertThat(keys(groups))
                .contains(
                        "GRP-ND-SY",
                        "GRP-ND-MD",
                        "GRP-ND-ZY",
                        "GRP-JC-YGT",
                        "GRP-XP-YGT",
                        "GRP-GT-YGT",
                        "GRP-FA-YGT",
                        "GRP-FD-YGT");

        // The seed's history names the migration that made it.
        Callers.asHospital()
                .get("/v1/institutions/ND-H01/history")
                .then()
                .statusCode(200)
                .body("[-1].version", equalTo(1))
                .body("[-1].changedBySubject", equalTo("flyway:V2__ningde_seed_region"));
    }

    @Test
    void topicsAreCreatedCompactedWithTheConfiguredPartitions() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SanyiTestInfrastructure.kafkaBootstrapServers()))) {
            List<String> names = List.of(Topic.DIRECTORY_INSTITUTIONS.topicName(), Topic.DIRECTORY_GROUPS.topicName());
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(names).allTopicNames().get();
            for (String name : names) {
                assertThat(descriptions.get(name).partitions()).as(name).hasSize(3);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
                String policy = admin.describeConfigs(List.of(resource))
                        .all()
                        .get()
                        .get(resource)
                        .get("cleanup.policy")
                        .value();
                assertThat(policy).as(name).isEqualTo("compact");
            }
        }
        Callers.asHospital()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'kafka-topics' }.status", equalTo("UP"));
    }

    @Test
    void republishWritesTheCurrentSnapshotOfEverythingAgain() {
        String marker = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县重发测试医院", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + marker)
                .then()
                .statusCode(201);

        Callers.asHospital().post("/v1/admin/republish").then().statusCode(403);
        Callers.asAdmin()
                .post("/v1/admin/republish")
                .then()
                .statusCode(200)
                .body("institutions", greaterThanOrEqualTo(36))
                .body("groups", greaterThanOrEqualTo(8));

        List<ConsumerRecord<String, String>> records = TopicReader.of(Topic.DIRECTORY_INSTITUTIONS.topicName())
                .within(TIMEOUT)
                .readUntil(read ->
                        read.stream().filter(r -> marker.equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, String>> ours =
                records.stream().filter(r -> marker.equals(r.key())).toList();
        assertThat(ours).hasSize(2);
        assertThat(ours.get(1).value()).contains("\"version\":1");
        Callers.asHospital()
                .get("/v1/institutions/" + marker + "/history")
                .then()
                .body("size()", equalTo(1));
    }

    @Test
    void republishWaitsForAChangeInFlight() throws Exception {
        String code = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县锁测试医院", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(201);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection change = dataSource.getConnection()) {
            // A change holds the row (as a PUT does between its update and its commit).
            change.setAutoCommit(false);
            try (PreparedStatement lock =
                    change.prepareStatement("select code from institution where code = ? for update")) {
                lock.setString(1, code);
                lock.executeQuery().close();
            }
            Future<Integer> republish = pool.submit(
                    () -> Callers.asAdmin().post("/v1/admin/republish").statusCode());

            Thread.sleep(1500);
            assertThat(republish.isDone())
                    .as("republish read the row without waiting for the change in flight")
                    .isFalse();
            change.commit();
            assertThat(republish.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
