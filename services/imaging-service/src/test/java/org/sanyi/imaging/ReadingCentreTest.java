package org.sanyi.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.REGULATOR;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_CENTRE;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.VILLAGE_CLINIC;
import static org.sanyi.testing.TestCallers.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventType;
import org.sanyi.kernel.Identifier;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;
import org.sanyi.testing.TestTokens;

/**
 * County reading centre (IMG-05, BR-I4): a grassroots study routed to the 医共体's imaging centre is read there, the
 * report comes back on the study and is published; regulators see the reading times and the other counts.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReadingCentreTest extends ImagingTestBase {

    @Test
    void aGrassrootsStudyIsReadAtTheCountyCentreAndItsReportPublished() {
        Identifier patient = TestPatients.residentId();
        Map<String, Object> study = Studies.chestDr(Studies.uid(), 0, patient);
        study.put(
                "studyAt",
                Instant.now()
                        .minus(3, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        study.put("referringInstitution", VILLAGE_CLINIC);
        String uid = Studies.registered(TOWNSHIP_CENTRE, study);

        // Routed without naming a centre: the lead of the source's group.
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of())
                .post("/v1/studies/" + uid + "/reading-requests")
                .then()
                .statusCode(200)
                .body("readingCentre", equalTo(COUNTY_HOSPITAL));
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .queryParam("StudyInstanceUID", uid)
                .get("/dicomweb/studies")
                .then()
                .statusCode(200)
                .body("[0].0020000D.Value[0]", equalTo(uid));
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of(
                        "status", "FINAL",
                        "findings", "双肺纹理增多",
                        "impression", "支气管炎改变",
                        "reportedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()))
                .put("/v1/studies/" + uid + "/report")
                .then()
                .statusCode(200)
                .body("report.reportedBy", equalTo(COUNTY_HOSPITAL))
                .body("accessBasis", equalTo("READING_CENTRE"))
                .body("report.status", equalTo("FINAL"));
        // The source, re-registering the same content, keeps the centre's report.
        Studies.register(TOWNSHIP_CENTRE, study).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));

        List<JsonNode> events = StudyRegistrationTest.eventsOf(uid, 3);
        assertThat(events)
                .extracting(e -> e.path("type").asText())
                .containsExactly(
                        EventType.STUDY_REGISTERED.ceType(),
                        EventType.STUDY_READING_REQUESTED.ceType(),
                        EventType.STUDY_REPORTED.ceType());
        JsonNode reported = events.get(2).path("data");
        assertThat(reported.path("reportedBy").path("institutionCode").asText()).isEqualTo(COUNTY_HOSPITAL);
        assertThat(reported.path("readingCentre").path("institutionCode").asText())
                .isEqualTo(COUNTY_HOSPITAL);
        assertThat(reported.path("referring").path("institutionCode").asText()).isEqualTo(VILLAGE_CLINIC);
        assertThat(reported.toString()).doesNotContain("支气管炎");

        JsonPath statistics = as(REGULATOR, TestTokens.REGULATOR)
                .get("/v1/imaging/statistics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> centre =
                statistics.getMap("readingCentres.find { it.readingCentre == '" + COUNTY_HOSPITAL + "' }");
        assertThat(((Number) centre.get("reports")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) centre.get("medianHours")).doubleValue()).isBetween(0.5, 100.0);
        assertThat(statistics.getList("grassrootsCoverage.notRegistering")).doesNotContain(TOWNSHIP_CENTRE);
        assertThat(statistics.getInt("grassrootsCoverage.registering")).isGreaterThanOrEqualTo(1);
        List<Map<String, Object>> pairs = statistics.getList("crossInstitutionLooks");
        assertThat(pairs).anySatisfy(pair -> {
            assertThat(pair.get("accessor")).isEqualTo(COUNTY_HOSPITAL);
            assertThat(pair.get("source")).isEqualTo(TOWNSHIP_CENTRE);
        });
        as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/imaging/statistics")
                .then()
                .statusCode(403);
        as(REGULATOR, TestTokens.REGULATOR)
                .queryParam("from", "2026-12-31")
                .queryParam("to", "2026-01-01")
                .get("/v1/imaging/statistics")
                .then()
                .statusCode(400);
    }
}
