package org.sanyi.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_CENTRE;
import static org.sanyi.testing.TestCallers.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventSchemas;
import org.sanyi.events.EventType;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.UnifiedSocialCreditCode;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;
import org.sanyi.testing.TestTokens;
import org.sanyi.testing.TopicReader;

/** Registration in the regional index: idempotent by UID, versioned updates, one source per study, events. */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class StudyRegistrationTest extends ImagingTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aRegistrationIsIdempotentAndALaterOneMakesANewVersion() {
        Identifier patient = TestPatients.residentId();
        String uid = Studies.uid();
        Map<String, Object> study = Studies.chestDr(uid, 1, patient);
        Studies.register(TOWNSHIP_CENTRE, study).then().statusCode(201).body("version", equalTo(1));
        Studies.register(TOWNSHIP_CENTRE, study).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));

        study.put("report", Map.of("status", "FINAL", "impression", "未见明显异常", "reportedAt", study.get("studyAt")));
        Studies.register(TOWNSHIP_CENTRE, study)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("version", equalTo(2));

        List<JsonNode> events = eventsOf(uid, 3);
        assertThat(events)
                .extracting(e -> e.path("type").asText())
                .containsExactly(
                        EventType.STUDY_REGISTERED.ceType(),
                        EventType.STUDY_AMENDED.ceType(),
                        EventType.STUDY_REPORTED.ceType());
        JsonNode reported = events.get(2).path("data");
        assertThat(reported.path("reportStatus").asText()).isEqualTo("FINAL");
        assertThat(reported.path("retrieveUrl").asText()).isEqualTo(Studies.PACS + "/studies/" + uid);
        String text = events.toString();
        assertThat(text).doesNotContain(patient.value()).doesNotContain("林").doesNotContain("未见明显异常");
        for (JsonNode event : events) {
            EventType type = EventType.byCeType(event.path("type").asText()).orElseThrow();
            assertThat(EventSchemas.violations(type, event.path("data"))).isEmpty();
        }
    }

    @Test
    void anotherInstitutionCannotRegisterOrChangeTheStudyAndNothingIsStored() {
        Identifier patient = TestPatients.residentId();
        String uid = Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 2, patient));
        Map<String, Object> hijack = Studies.chestDr(uid, 2, TestPatients.residentId());
        Studies.register(COUNTY_HOSPITAL, hijack).then().statusCode(403).body("code", equalTo("IMG-0002"));
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of("reason", "not mine"))
                .post("/v1/studies/" + uid + "/retraction")
                .then()
                .statusCode(403);
        Studies.qidoByPatient(TOWNSHIP_CENTRE, patient)
                .then()
                .statusCode(200)
                .body("[0].0020000D.Value[0]", equalTo(uid))
                .body("[0].00100020.Value[0]", equalTo(patient.value()));
    }

    @Test
    void theNationalIndexIdIsComputedWhenThe医保PersonCodeIsKnown() {
        Identifier insurance = TestPatients.insurancePersonCode();
        Map<String, Object> study = Studies.chestDr(Studies.uid(), 3, TestPatients.residentId(), insurance);
        String creditCode = UnifiedSocialCreditCode.withCheckCharacter("12350921MB0000001");
        study.put("storageCreditCode", creditCode);
        study.put("claimReferences", List.of("MDTRT-TEST-1"));
        String uid = Studies.registered(TOWNSHIP_CENTRE, study);

        String indexId = as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("patient", study.get("patient")))
                .post("/v1/study-searches")
                .then()
                .statusCode(200)
                .body("studies.studyInstanceUid", hasItem(uid))
                .extract()
                .path("studies.find { it.studyInstanceUid == '" + uid + "' }.nhsaIndexId");
        assertThat(indexId).hasSize(78).startsWith("000000" + insurance.value()).endsWith("0".repeat(22) + creditCode);
        // The exam date-time in Beijing time follows the 26-digit person code.
        assertThat(indexId.substring(26, 38)).matches("20[0-9]{10}");
    }

    @Test
    void aRetractedStudyLeavesTheSearchesAndCannotBeRegisteredAgain() {
        Identifier patient = TestPatients.residentId();
        Map<String, Object> study = Studies.chestDr(Studies.uid(), 1, patient);
        String uid = Studies.registered(TOWNSHIP_CENTRE, study);
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("reason", "registered under the wrong patient"))
                .post("/v1/studies/" + uid + "/retraction")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETRACTED"));
        Studies.qidoByPatient(TOWNSHIP_CENTRE, patient).then().statusCode(204);
        Studies.register(TOWNSHIP_CENTRE, study).then().statusCode(409).body("code", equalTo("IMG-0003"));
        assertThat(eventsOf(uid, 2).get(1).path("type").asText()).isEqualTo(EventType.STUDY_RETRACTED.ceType());
    }

    @Test
    void aBatchIsAllOrNothing() {
        Identifier patient = TestPatients.residentId();
        Map<String, Object> good = Studies.chestDr(Studies.uid(), 1, patient);
        Map<String, Object> bad = Studies.chestDr(Studies.uid(), 1, patient);
        bad.put("retrieveEndpoint", "ftp://pacs.example/dicom-web");
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("studies", List.of(good, bad)))
                .post("/v1/study-batches")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("studies[1].retrieveEndpoint"));
        Studies.qidoByPatient(TOWNSHIP_CENTRE, patient).then().statusCode(204);

        List<Map<String, Object>> studies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            studies.add(Studies.chestDr(Studies.uid(), i + 1, patient));
        }
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("studies", studies))
                .post("/v1/study-batches")
                .then()
                .statusCode(200)
                .body("studies.size()", equalTo(20))
                .body("studies.outcome", org.hamcrest.Matchers.everyItem(equalTo("CREATED")));
        Studies.qidoByPatient(TOWNSHIP_CENTRE, patient).then().statusCode(200).body("size()", equalTo(20));
    }

    /** The study's events on imaging.events.v1, oldest first, as CloudEvents (type, data). */
    static List<JsonNode> eventsOf(String uid, int count) {
        return TopicReader.of(EventType.STUDY_REGISTERED.topic().topicName())
                .readUntil(records -> matching(records, uid).size() >= count)
                .stream()
                .filter(r -> r.value().contains(uid))
                .map(r -> {
                    try {
                        JsonNode data = MAPPER.readTree(r.value());
                        return (JsonNode) MAPPER.createObjectNode()
                                .put("type", TopicReader.header(r, "ce_type"))
                                .set("data", data);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static List<?> matching(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records, String uid) {
        return records.stream().filter(r -> r.value().contains(uid)).toList();
    }
}
