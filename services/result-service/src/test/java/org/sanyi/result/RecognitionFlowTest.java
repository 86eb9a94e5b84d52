package org.sanyi.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.OTHER_COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.REGULATOR;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_CENTRE;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_WITHOUT_EQA;
import static org.sanyi.testing.TestCallers.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanyi.directory.replica.testing.NingdeTestRegion;
import org.sanyi.kernel.Identifier;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;
import org.sanyi.testing.TestTokens;
import org.sanyi.testing.TopicReader;

/**
 * The recognition loop on real Kafka and PostgreSQL: a 医共体 lab publishes, another member checks with another of
 * the patient's identifiers, recognises one result and declines another, reads the values it may, and a withdrawal
 * voids the recognition; the events carry pseudonyms and codes only.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class RecognitionFlowTest extends ResultTestBase {

    private static boolean eqaRecorded;

    @BeforeEach
    void labsWithEqa() {
        if (!eqaRecorded) {
            Results.eqaPass(TOWNSHIP_CENTRE, "LAB-CBC");
            Results.eqaPass(TOWNSHIP_CENTRE, "LAB-LFT");
            eqaRecorded = true;
        }
    }

    @Test
    void aCheckFindsResultsByAnotherIdentifierAndTheDecisionsCountSavings() {
        Identifier resident = TestPatients.residentId();
        Identifier insurance = TestPatients.insurancePersonCode();
        String bloodCount = Results.published(
                TOWNSHIP_CENTRE,
                Results.bloodCount("CBC-" + UUID.randomUUID(), Duration.ofDays(2), resident, insurance));
        String liver = Results.published(
                TOWNSHIP_CENTRE, Results.liverPanel("LFT-" + UUID.randomUUID(), Duration.ofDays(2), resident));
        String noEqa = Results.published(
                TOWNSHIP_WITHOUT_EQA, Results.liverPanel("LFT-" + UUID.randomUUID(), Duration.ofDays(1), resident));

        JsonPath check = Results.check(COUNTY_HOSPITAL, List.of("LAB-CBC", "LAB-LFT"), insurance)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String checkId = check.getString("id");
        assertThat(check.getList("items[0].recognisable.resultId")).containsExactly(bloodCount);
        assertThat(check.getString("items[0].recognisable[0].basis")).isEqualTo("SAME_GROUP");
        assertThat(check.getInt("items[0].recognisable[0].ageDays")).isEqualTo(2);
        assertThat(check.getList("items[1].recognisable.resultId")).containsExactly(liver);
        assertThat(check.getList("items[1].notRecognisable.resultId")).containsExactly(noEqa);
        assertThat(check.getString("items[1].notRecognisable[0].reason")).isEqualTo("NO_VALID_EQA");

        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/results/" + bloodCount)
                .then()
                .statusCode(200)
                .body("observations[0].analyte", equalTo("HGB"));
        // Not recognisable, but readable: the lab is a member of the county hospital's 医共体 (BR-F3).
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/results/" + noEqa)
                .then()
                .statusCode(200);
        as(OTHER_COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/results/" + bloodCount)
                .then()
                .statusCode(403);

        JsonPath decided = as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of(
                        "decisions",
                        List.of(
                                Map.of("itemCode", "LAB-CBC", "outcome", "RECOGNISED", "resultId", bloodCount),
                                Map.of(
                                        "itemCode",
                                        "LAB-LFT",
                                        "outcome",
                                        "DECLINED",
                                        "resultId",
                                        liver,
                                        "reason",
                                        "MAJOR_INTERVENTION",
                                        "note",
                                        "术前复查"))))
                .post("/v1/recognition-checks/" + checkId + "/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(decided.getFloat("[0].avoidedFee")).isEqualTo(20.0f);
        assertThat(decided.getString("[1].reason")).isEqualTo("MAJOR_INTERVENTION");

        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of(
                        "decisions",
                        List.of(Map.of("itemCode", "LAB-CBC", "outcome", "RECOGNISED", "resultId", bloodCount))))
                .post("/v1/recognition-checks/" + checkId + "/decisions")
                .then()
                .statusCode(409)
                .body("code", equalTo("RES-0008"));

        List<ConsumerRecord<String, String>> events = TopicReader.of("result.events.v1")
                .readUntil(records -> !TopicReader.withKey(records, checkId).isEmpty()
                        && TopicReader.withKey(records, checkId).size() >= 3);
        List<String> types = TopicReader.headers(TopicReader.withKey(events, checkId), "ce_type");
        assertThat(types)
                .containsExactly(
                        "org.sanyi.result.check-made.v1",
                        "org.sanyi.result.recognised.v1",
                        "org.sanyi.result.declined.v1");
        for (ConsumerRecord<String, String> event : events) {
            assertThat(event.value()).doesNotContain(resident.value()).doesNotContain(insurance.value());
            assertThat(event.value()).doesNotContain("HGB").doesNotContain("术前复查");
        }

        JsonPath statistics = as(REGULATOR, TestTokens.REGULATOR)
                .get("/v1/recognition/statistics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(statistics.getLong("byInstitution.'NDXP-H01'.recognised")).isPositive();
        assertThat(statistics.getFloat("total.savings")).isGreaterThanOrEqualTo(20.0f);
        assertThat(statistics.getLong("declinesByReason.MAJOR_INTERVENTION")).isPositive();

        // The lab finds the result was entered in error: the recognition is void and its maker is named.
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of("reason", "not ours"))
                .post("/v1/results/" + bloodCount + "/withdraw")
                .then()
                .statusCode(403);
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("reason", "标本与患者不符"))
                .post("/v1/results/" + bloodCount + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/recognition-checks/" + checkId + "/decisions")
                .then()
                .statusCode(200)
                .body("find { it.itemCode == 'LAB-CBC' }.voided", equalTo(true));
        ConsumerRecord<String, String> withdrawn = TopicReader.of("result.events.v1")
                .readUntil(records -> TopicReader.headers(TopicReader.withKey(records, bloodCount), "ce_type")
                        .contains("org.sanyi.result.withdrawn.v1"))
                .stream()
                .filter(r -> bloodCount.equals(r.key()))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(withdrawn.value()).contains("\"institutionCode\":\"" + COUNTY_HOSPITAL + "\"");
        List<String> readers = as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("patient", Results.patient(resident)))
                .post("/v1/disclosures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.action == 'READ' && it.resourceId == '" + bloodCount + "' }.institutionCode");
        assertThat(readers).contains(COUNTY_HOSPITAL);
        as(OTHER_COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of("patient", Results.patient(resident)))
                .post("/v1/disclosures")
                .then()
                .statusCode(403);
        JsonPath again = Results.check(COUNTY_HOSPITAL, List.of("LAB-CBC"), resident)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(again.getString("items[0].notRecognisable[0].reason")).isEqualTo("WITHDRAWN");
    }

    @Test
    void republishingTheSameContentIsARetryAndOtherContentNeedsAmended() {
        Identifier resident = TestPatients.residentId();
        Map<String, Object> body = Results.bloodCount("CBC-" + UUID.randomUUID(), Duration.ofHours(5), resident);
        String id = Results.published(TOWNSHIP_CENTRE, body);
        Results.publish(TOWNSHIP_CENTRE, body)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(0));

        Map<String, Object> changed = new java.util.HashMap<>(body);
        changed.put("observations", List.of(Map.of("analyte", "HGB", "value", 128, "unit", "g/L")));
        Results.publish(TOWNSHIP_CENTRE, changed).then().statusCode(409).body("code", equalTo("RES-0003"));
        changed.put("status", "AMENDED");
        Results.publish(TOWNSHIP_CENTRE, changed)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("status", equalTo("AMENDED"))
                .body("observations[0].value", equalTo(128));
    }

    @Test
    void aRepeatOfARecognisableResultWithoutADeclineIsFlaggedForTheInsurer() {
        Identifier resident = TestPatients.residentId();
        Results.published(
                TOWNSHIP_CENTRE, Results.bloodCount("CBC-" + UUID.randomUUID(), Duration.ofDays(1), resident));
        String repeat = Results.published(
                COUNTY_HOSPITAL, Results.bloodCount("CBC-" + UUID.randomUUID(), Duration.ofHours(3), resident));
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/results/" + repeat)
                .then()
                .statusCode(200)
                .body("repeatWithoutReason", equalTo(true));
        List<String> flagged = as(NingdeTestRegion.INSURER, TestTokens.INSURER)
                .get("/v1/repeat-exams")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("resultId");
        assertThat(flagged).contains(repeat);
        as(NingdeTestRegion.INSURER, TestTokens.INSURER)
                .get("/v1/results/" + repeat)
                .then()
                .statusCode(403);
    }
}
