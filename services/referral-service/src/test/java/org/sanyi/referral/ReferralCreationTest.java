package org.sanyi.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.sanyi.referral.DirectoryFixture.COUNTY_HOSPITAL;
import static org.sanyi.referral.DirectoryFixture.COUNTY_TCM_HOSPITAL;
import static org.sanyi.referral.DirectoryFixture.FORMER_MEMBER_CENTRE;
import static org.sanyi.referral.DirectoryFixture.OTHER_COUNTY_HOSPITAL;
import static org.sanyi.referral.DirectoryFixture.PROVINCIAL_HOSPITAL;
import static org.sanyi.referral.DirectoryFixture.TOWNSHIP_CENTRE;
import static org.sanyi.referral.DirectoryFixture.VILLAGE_CLINIC;
import static org.sanyi.referral.Referrals.asHospital;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.SanyiTestInfrastructure;

@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralCreationTest extends ReferralTestBase {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aRetryWithTheSameIdempotencyKeyAndBodyReturnsTheSameReferral() throws Exception {
        String key = UUID.randomUUID().toString();
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL);

        String first = asHospital(VILLAGE_CLINIC)
                .header("Idempotency-Key", key)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Same content, other formatting: still the same request.
        String second = asHospital(VILLAGE_CLINIC)
                .header("Idempotency-Key", key)
                .body(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(body))
                .post("/v1/referrals")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("status", equalTo("REQUESTED"))
                .extract()
                .path("id");

        assertThat(second).isEqualTo(first);
        assertThat(Referrals.eventsOf(first, 1)).hasSize(1);
        try (var connection = Referrals.database();
                var count = connection.prepareStatement("select count(*) from referral where patient_id_value = ?")) {
            count.setString(
                    1, body.path("patient").path("identifier").path("value").asText());
            try (var rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL);
        asHospital(VILLAGE_CLINIC)
                .header("Idempotency-Key", key)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201);

        body.put("reason", "另一个转诊理由");
        asHospital(VILLAGE_CLINIC)
                .header("Idempotency-Key", key)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0015"));

        // Keys belong to the calling institution: another institution may use the same one.
        asHospital(TOWNSHIP_CENTRE)
                .header("Idempotency-Key", key)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneReferral() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Referrals.body(COUNTY_HOSPITAL).toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<ExtractableResponse<Response>> retry = () -> asHospital(VILLAGE_CLINIC)
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/v1/referrals")
                    .then()
                    .extract();
            List<Future<ExtractableResponse<Response>>> answers = pool.invokeAll(Collections.nCopies(4, retry));
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (var answer : answers) {
                ExtractableResponse<Response> response = answer.get();
                assertThat(response.statusCode()).isIn(200, 201);
                created += response.statusCode() == 201 ? 1 : 0;
                ids.add(response.path("id"));
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void malformedJsonIsABadRequest() {
        asHospital(VILLAGE_CLINIC)
                .body("{\"receiverInstitution\": \"NDXP-H01\", ")
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0002"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL);
        body.put("urgency", 3);
        body.putArray("reason").add("not text");
        asHospital(VILLAGE_CLINIC)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0003"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.oneOf("urgency", "reason")));

        ObjectNode badEnum = Referrals.body(COUNTY_HOSPITAL);
        badEnum.put("urgency", "WHENEVER");
        asHospital(VILLAGE_CLINIC)
                .body(badEnum.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("urgency"));
    }

    @Test
    void missingAndInvalidFieldsAreAllNamed() {
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL);
        body.remove("diagnosis");
        body.remove("sendingClinician");
        body.put("reason", " ");
        ((ObjectNode) body.get("patient")).remove("name");
        asHospital(VILLAGE_CLINIC)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0001"))
                .body("errors.field", hasItem("diagnosis"))
                .body("errors.field", hasItem("sendingClinician"))
                .body("errors.field", hasItem("reason"))
                .body("errors.field", hasItem("patient.name"));
    }

    @Test
    void anInvalidResidentIdIsRefusedWithoutEchoingIt() {
        String valid = Referrals.residentId();
        String wrongCheckCharacter = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        asHospital(VILLAGE_CLINIC)
                .body(Referrals.body(COUNTY_HOSPITAL, wrongCheckCharacter).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0001"))
                .body("errors.field", hasItem("patient.identifier.value"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(wrongCheckCharacter)));

        ObjectNode unknownSystem = Referrals.body(COUNTY_HOSPITAL);
        ((ObjectNode) unknownSystem.path("patient").path("identifier")).put("system", "urn:example:unknown");
        asHospital(VILLAGE_CLINIC)
                .body(unknownSystem.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("patient.identifier.system"));
    }

    @Test
    void aBadIcd10CodeOrDicomUidIsNamed() {
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL);
        ((ObjectNode) body.get("diagnosis")).put("code", "high blood pressure");
        asHospital(VILLAGE_CLINIC)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("diagnosis.code"));

        ObjectNode badUid = Referrals.body(COUNTY_HOSPITAL);
        ((ObjectNode) badUid.path("attachments").get(0)).put("reference", "1.2.03.4");
        asHospital(VILLAGE_CLINIC)
                .body(badUid.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("attachments[0].reference"));
    }

    @Test
    void icd10CodesAreNormalised() {
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL);
        ((ObjectNode) body.get("diagnosis")).put("code", "i10.X00x002");
        asHospital(VILLAGE_CLINIC)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("diagnosis.code", equalTo("I10.x00x002"));
    }

    @Test
    void theCallerCannotStateTheDirectionOrTheSender() {
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL);
        body.put("direction", "DOWNWARD");
        asHospital(VILLAGE_CLINIC)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("direction"));

        ObjectNode withSender = Referrals.body(COUNTY_HOSPITAL);
        withSender.put("senderInstitution", PROVINCIAL_HOSPITAL);
        asHospital(VILLAGE_CLINIC)
                .body(withSender.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("senderInstitution"));
    }

    @Test
    void upwardFromGrassrootsInsideTheGroupIsAProperSameEpisodeReferral() {
        asHospital(TOWNSHIP_CENTRE)
                .body(Referrals.body(COUNTY_HOSPITAL).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("direction", equalTo("UPWARD"))
                .body("flags.properReferral", equalTo(true))
                .body("flags.reimbursementUpliftPoints", equalTo(5))
                .body("flags.sameGroupEpisode", equalTo(true))
                .body("flags.secondDeductibleWaived", equalTo(true))
                .body("flags.bypassedGrassroots", equalTo(false))
                .body("flags.outOfCounty", equalTo(false))
                .body("commonGroupIds", hasItem(DirectoryFixture.XIAPU_GROUP));
    }

    /** The create writes its row by hand (GroupCommit): every field it answers must be the one stored. */
    @Test
    void whatTheCreateAnswersIsWhatIsStored() throws Exception {
        ObjectNode full = Referrals.body(TOWNSHIP_CENTRE);
        full.put("urgency", "URGENT");
        full.put("downReferralIndication", "RECOVERY_PHASE");
        full.put("downReferralNote", "恢复期，病情稳定");
        full.putObject("familyDoctor")
                .put("involvement", "INITIATED")
                .putObject("practitioner")
                .put("system", Referrals.LICENCE)
                .put("value", "110350921000456");
        full.putArray("dischargeMedications")
                .addObject()
                .put("name", "阿托伐他汀钙片")
                .put("dosage", "20 mg")
                .put("frequency", "每晚一次")
                .put("supplyDays", 28);
        Response created = asHospital(COUNTY_HOSPITAL)
                .body(full.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .response();
        String id = created.path("id");

        Response read = asHospital(COUNTY_HOSPITAL)
                .get("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .extract()
                .response();

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(read.asString())).isEqualTo(json.readTree(created.asString()));
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(json.readTree(read.asString())
                        .path("familyDoctor")
                        .path("practitioner")
                        .path("value")
                        .asText())
                .isEqualTo("110350921000456");
        assertThat(json.readTree(read.asString()).path("attachments")).hasSize(2);
    }

    @Test
    void downwardToGrassrootsIsProperOnlyWithAnIndication() {
        ObjectNode withIndication = Referrals.body(TOWNSHIP_CENTRE);
        withIndication.put("downReferralIndication", "RECOVERY_PHASE");
        withIndication.put("downReferralNote", "恢复期，病情稳定");
        withIndication
                .putArray("dischargeMedications")
                .addObject()
                .put("name", "阿司匹林肠溶片")
                .put("dosage", "100 mg")
                .put("frequency", "每日一次")
                .put("supplyDays", 30);
        asHospital(COUNTY_HOSPITAL)
                .body(withIndication.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("direction", equalTo("DOWNWARD"))
                .body("downReferralIndication", equalTo("RECOVERY_PHASE"))
                .body("dischargeMedications[0].name", equalTo("阿司匹林肠溶片"))
                .body("flags.properReferral", equalTo(true))
                .body("flags.reimbursementUpliftPoints", equalTo(5));

        asHospital(COUNTY_HOSPITAL)
                .body(Referrals.body(TOWNSHIP_CENTRE).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("direction", equalTo("DOWNWARD"))
                .body("flags.properReferral", equalTo(false))
                .body("flags.reimbursementUpliftPoints", equalTo(0));
    }

    @Test
    void aFirstContactDiseaseSentUpWithoutGrassrootsIsFlaggedNotBlocked() {
        ObjectNode hypertension = Referrals.body(PROVINCIAL_HOSPITAL);
        ((ObjectNode) hypertension.get("diagnosis")).put("code", "I10.x00").put("display", "高血压");
        asHospital(COUNTY_HOSPITAL)
                .body(hypertension.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("direction", equalTo("UPWARD"))
                .body("flags.bypassedGrassroots", equalTo(true))
                .body("flags.properReferral", equalTo(false))
                .body("flags.outOfCounty", equalTo(true))
                .body("flags.outOfCity", equalTo(true))
                .body("flags.sameGroupEpisode", equalTo(false));

        // The same disease from grassroots passed through grassroots.
        ObjectNode fromGrassroots = Referrals.body(COUNTY_HOSPITAL);
        ((ObjectNode) fromGrassroots.get("diagnosis")).put("code", "E11.900");
        asHospital(VILLAGE_CLINIC)
                .body(fromGrassroots.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("flags.bypassedGrassroots", equalTo(false));
    }

    @Test
    void sameLevelIsLateralAndOtherCountiesAreOutOfCounty() {
        asHospital(COUNTY_HOSPITAL)
                .body(Referrals.body(COUNTY_TCM_HOSPITAL).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("direction", equalTo("LATERAL"))
                .body("flags.sameGroupEpisode", equalTo(true))
                .body("flags.properReferral", equalTo(false));
        asHospital(COUNTY_HOSPITAL)
                .body(Referrals.body(OTHER_COUNTY_HOSPITAL).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("direction", equalTo("LATERAL"))
                .body("flags.outOfCounty", equalTo(true))
                .body("flags.outOfCity", equalTo(false))
                .body("flags.sameGroupEpisode", equalTo(false));
    }

    @Test
    void aMembershipThatEndedDoesNotMakeOneEpisode() {
        asHospital(FORMER_MEMBER_CENTRE)
                .body(Referrals.body(COUNTY_HOSPITAL).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("flags.properReferral", equalTo(true))
                .body("flags.sameGroupEpisode", equalTo(false))
                .body("flags.secondDeductibleWaived", equalTo(false));
    }

    @Test
    void theAnswerDeadlineFollowsThePolicyForTheUrgency() {
        ObjectNode urgent = Referrals.body(COUNTY_HOSPITAL);
        urgent.put("urgency", "URGENT");
        var created = asHospital(VILLAGE_CLINIC)
                .body(urgent.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .extract();
        Instant requestedAt = Instant.parse(created.path("timeline.requestedAt"));
        Instant answerDueAt = Instant.parse(created.path("timeline.answerDueAt"));
        assertThat(Duration.between(requestedAt, answerDueAt)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void unknownSelfAndNonCareInstitutionsAreRefused() {
        asHospital(VILLAGE_CLINIC)
                .body(Referrals.body("NDXP-NOWHERE").toString())
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("REF-0003"))
                .body("errors.field", hasItem("receiverInstitution"));
        // A sender the directory does not know is turned away at the door, before any referral rule.
        asHospital("ND-UNKNOWN-CLINIC")
                .body(Referrals.body(COUNTY_HOSPITAL).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0019"));
        asHospital(VILLAGE_CLINIC)
                .body(Referrals.body(VILLAGE_CLINIC).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("code", equalTo("REF-0005"));
        asHospital(VILLAGE_CLINIC)
                .body(Referrals.body(DirectoryFixture.INSURER).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("code", equalTo("REF-0004"))
                .body("type", startsWith("urn:sanyi:problem:"));
    }

    @Test
    void aNulInTheReasonIs400NamingItAndNothingIsStored() throws Exception {
        String residentId = Referrals.residentId();
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL, residentId);
        body.put("reason", "\u0000abc");
        asHospital(VILLAGE_CLINIC)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0018"))
                .body("errors[0].field", equalTo("reason"));
        try (var connection = Referrals.database();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from referral where reason like 'abc%'")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }
}
