package org.sanyi.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_CENTRE;
import static org.sanyi.testing.TestCallers.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanyi.kernel.Identifier;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;
import org.sanyi.testing.TestTokens;

/** Bad input is a 4xx problem naming the field, and nothing is stored. */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ResultInputTest extends ResultTestBase {

    @Inject
    AgroalDataSource dataSource;

    private final Identifier patient = TestPatients.residentId();

    @Test
    void eachBrokenFieldOfAResultIsNamedAndNothingIsStored() throws Exception {
        long before = results();
        refused(with("itemCode", "LAB-NOPE"), "itemCode");
        refused(with("specimenAt", Instant.now().plus(Duration.ofDays(1)).toString()), "specimenAt");
        refused(with("reportedAt", Instant.now().minus(Duration.ofDays(9)).toString()), "specimenAt");
        refused(
                with("observations", List.of(Map.of("analyte", "HGB", "value", 130, "unit", "mmol/L"))),
                "observations[0].unit");
        refused(
                with("observations", List.of(Map.of("analyte", "HGB", "value", "high", "unit", "g/L"))),
                "observations[0].value");
        refused(
                with("observations", List.of(Map.of("analyte", "ALT", "value", 20, "unit", "U/L"))),
                "observations[0].analyte");
        refused(
                with("patient", Results.patient(new Identifier("urn:sanyi:id:cn-resident-id", "350921195803121234"))),
                "patient.identifiers[0].value");
        assertThat(results()).isEqualTo(before);
    }

    @Test
    void aBatchWithOneBadResultStoresNoneAndNamesItsIndex() throws Exception {
        long before = results();
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of(
                        "results",
                        List.of(
                                Results.bloodCount("B-" + UUID.randomUUID(), Duration.ofDays(1), patient),
                                with("itemCode", "LAB-NOPE"))))
                .post("/v1/result-batches")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("results[1].itemCode"));
        assertThat(results()).isEqualTo(before);
    }

    /** A batch is stored at commit, so one report id twice in it would be two inserts: refused up front instead. */
    @Test
    void aReportIdTwiceInOneBatchIsNamedAndNothingIsStored() throws Exception {
        long before = results();
        String reportId = "B-" + UUID.randomUUID();
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of(
                        "results",
                        List.of(
                                Results.bloodCount("B-" + UUID.randomUUID(), Duration.ofDays(2), patient),
                                Results.bloodCount(reportId, Duration.ofDays(1), patient),
                                Results.bloodCount(reportId, Duration.ofDays(1), patient))))
                .post("/v1/result-batches")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("results[2].reportId"));
        assertThat(results()).isEqualTo(before);
    }

    @Test
    void aBatchIsStoredWholeWithAnEventAndAnAuditRecordPerResult() throws Exception {
        long before = results();
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(Results.bloodCount("B-" + UUID.randomUUID(), Duration.ofDays(1 + i), TestPatients.residentId()));
        }
        List<String> ids = as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("results", batch))
                .post("/v1/result-batches")
                .then()
                .statusCode(200)
                .extract()
                .path("results.id");

        assertThat(results()).isEqualTo(before + 5);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        for (String id : ids) {
            as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                    .get("/v1/results/" + id)
                    .then()
                    .statusCode(200)
                    .body("observations[0].analyte", equalTo("HGB"));
        }
    }

    /** A check reads every item in one query, the newest results of each up to the configured limit (20). */
    @Test
    void aCheckOffersTheNewestResultsOfEachItemUpToTheLimit() {
        Identifier person = TestPatients.residentId();
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        for (int days = 1; days <= 23; days++) {
            batch.add(Results.bloodCount("LIMIT-" + UUID.randomUUID(), Duration.ofDays(days), person));
        }
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("results", batch))
                .post("/v1/result-batches")
                .then()
                .statusCode(200);

        io.restassured.path.json.JsonPath answer = Results.check(COUNTY_HOSPITAL, List.of("LAB-CBC", "LAB-LFT"), person)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        List<Integer> cbcAges = answer.getList("items.find { it.itemCode == 'LAB-CBC' }.recognisable.ageDays");
        cbcAges.addAll(answer.getList("items.find { it.itemCode == 'LAB-CBC' }.notRecognisable.ageDays"));
        assertThat(cbcAges).hasSize(20);
        assertThat(cbcAges.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .as("the three oldest results are left out")
                .isLessThanOrEqualTo(20);
        assertThat(answer.getList("items.find { it.itemCode == 'LAB-LFT' }.recognisable"))
                .isEmpty();
        assertThat(answer.getList("items.find { it.itemCode == 'LAB-LFT' }.notRecognisable"))
                .isEmpty();
    }

    @Test
    void aControlCharacterIsA400NotA500() {
        Map<String, Object> body = with("findings", "abc\u0000def");
        Results.publish(TOWNSHIP_CENTRE, body).then().statusCode(400).body("code", equalTo("PLT-0018"));
    }

    @Test
    void aDeclineWithoutAReasonAndARecognitionOfAnotherPatientsResultAreRefused() {
        Identifier other = TestPatients.residentId();
        String othersResult = Results.published(
                TOWNSHIP_CENTRE, Results.bloodCount("CBC-" + UUID.randomUUID(), Duration.ofDays(1), other));
        String checkId = Results.check(COUNTY_HOSPITAL, List.of("LAB-CBC"), patient)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of("decisions", List.of(Map.of("itemCode", "LAB-CBC", "outcome", "DECLINED"))))
                .post("/v1/recognition-checks/" + checkId + "/decisions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("decisions[0].reason"));
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of(
                        "decisions",
                        List.of(Map.of("itemCode", "LAB-CBC", "outcome", "RECOGNISED", "resultId", othersResult))))
                .post("/v1/recognition-checks/" + checkId + "/decisions")
                .then()
                .statusCode(422)
                .body("code", equalTo("RES-0007"))
                .body("errors.field", hasItem("decisions[0].resultId"));
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/recognition-checks/" + checkId + "/decisions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aCheckWithAnUnknownItemNamesIt() {
        Results.check(COUNTY_HOSPITAL, List.of("LAB-CBC", "LAB-NOPE"), patient)
                .then()
                .statusCode(422)
                .body("code", equalTo("RES-0002"))
                .body("errors.field", hasItem("itemCodes[1]"));
    }

    @Test
    void onlyRegulatorsAndAdministratorsChangeTheCatalogue() {
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of(
                        "institutionCode",
                        COUNTY_HOSPITAL,
                        "itemCode",
                        "LAB-CBC",
                        "passed",
                        true,
                        "scheme",
                        "self-declared",
                        "validFrom",
                        "2026-01-01",
                        "validTo",
                        "2026-12-31"))
                .post("/v1/quality-statuses")
                .then()
                .statusCode(403);
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body =
                new HashMap<>(Results.bloodCount("BAD-" + UUID.randomUUID(), Duration.ofDays(1), patient));
        body.put(field, value);
        return body;
    }

    private static void refused(Map<String, Object> body, String field) {
        Results.publish(TOWNSHIP_CENTRE, body)
                .then()
                .statusCode(400)
                .body("code", equalTo("PLT-0001"))
                .body("errors.field", hasItem(field));
    }

    private long results() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from result")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
