package org.sanyi.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sanyi.referral.DirectoryFixture.COUNTY_HOSPITAL;
import static org.sanyi.referral.DirectoryFixture.OTHER_COUNTY_HOSPITAL;
import static org.sanyi.referral.DirectoryFixture.VILLAGE_CLINIC;
import static org.sanyi.referral.Referrals.accept;
import static org.sanyi.referral.Referrals.arrive;
import static org.sanyi.referral.Referrals.as;
import static org.sanyi.referral.Referrals.asHospital;
import static org.sanyi.referral.Referrals.cancel;
import static org.sanyi.referral.Referrals.complete;
import static org.sanyi.referral.Referrals.reject;
import static org.sanyi.referral.Referrals.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralTransitionsTest extends ReferralTestBase {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void onlyTheSenderReviewsAndCancelsAndOnlyTheReceiverAnswers() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));

        review(COUNTY_HOSPITAL, id).statusCode(403).contentType(PROBLEM_JSON).body("code", equalTo("PLT-0006"));
        review(OTHER_COUNTY_HOSPITAL, id).statusCode(403);
        review(VILLAGE_CLINIC, id).statusCode(200);

        accept(VILLAGE_CLINIC, id).statusCode(403);
        accept(OTHER_COUNTY_HOSPITAL, id).statusCode(403);
        reject(VILLAGE_CLINIC, id).statusCode(403);
        cancel(COUNTY_HOSPITAL, id).statusCode(403);
        accept(COUNTY_HOSPITAL, id).statusCode(200);
        arrive(VILLAGE_CLINIC, id).statusCode(403);
        arrive(COUNTY_HOSPITAL, id).statusCode(200);
        complete(VILLAGE_CLINIC, id).statusCode(403);
    }

    @Test
    void thirdPartiesRegulatorsAndInsurersCannotReadTheDetails() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));

        asHospital(OTHER_COUNTY_HOSPITAL).get("/v1/referrals/{id}", id).then().statusCode(403);
        as(DirectoryFixture.REGULATOR, TestTokens.REGULATOR)
                .get("/v1/referrals/{id}", id)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as(DirectoryFixture.INSURER, TestTokens.INSURER)
                .get("/v1/referrals/{id}", id)
                .then()
                .statusCode(403);
        as(DirectoryFixture.REGULATOR, TestTokens.REGULATOR)
                .body(Referrals.body(COUNTY_HOSPITAL).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(403);
        io.restassured.RestAssured.given()
                .get("/v1/referrals/{id}", id)
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
        asHospital(VILLAGE_CLINIC)
                .get("/v1/referrals/{id}", java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("REF-0001"));
    }

    @Test
    void stepsOutOfOrderAreConflicts() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));

        accept(COUNTY_HOSPITAL, id)
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("REF-0002"))
                .body("type", equalTo("urn:sanyi:problem:referral-illegal-transition"));
        arrive(COUNTY_HOSPITAL, id).statusCode(409).body("code", equalTo("REF-0002"));
        complete(COUNTY_HOSPITAL, id).statusCode(409);

        review(VILLAGE_CLINIC, id).statusCode(200);
        review(VILLAGE_CLINIC, id).statusCode(409).body("code", equalTo("REF-0002"));
        reject(COUNTY_HOSPITAL, id).statusCode(200).body("rejection.reason", equalTo("NO_CAPACITY"));
        accept(COUNTY_HOSPITAL, id).statusCode(409);
        cancel(VILLAGE_CLINIC, id).statusCode(409);
    }

    @Test
    void noCancellationAfterArrival() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        review(VILLAGE_CLINIC, id).statusCode(200);
        accept(COUNTY_HOSPITAL, id).statusCode(200);
        cancel(VILLAGE_CLINIC, id).statusCode(200).body("status", equalTo("CANCELLED"));
        arrive(COUNTY_HOSPITAL, id).statusCode(409);

        String arrived = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        review(VILLAGE_CLINIC, arrived).statusCode(200);
        accept(COUNTY_HOSPITAL, arrived).statusCode(200);
        arrive(COUNTY_HOSPITAL, arrived).statusCode(200);
        cancel(VILLAGE_CLINIC, arrived).statusCode(409).body("code", equalTo("REF-0002"));
    }

    @Test
    void theSendingClinicianCannotReviewTheirOwnReferral() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        asHospital(VILLAGE_CLINIC)
                .body("{\"reviewer\": {\"system\": \"" + Referrals.LICENCE + "\", \"value\": \"110350921000123\"}}")
                .post("/v1/referrals/{id}/review", id)
                .then()
                .statusCode(422)
                .body("code", equalTo("REF-0006"));
    }

    @Test
    void theUserWhoRequestedTheReferralCannotReviewIt() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        // Another licence in the body does not help: the token says who is acting (转诊审核责任制).
        asHospital(VILLAGE_CLINIC)
                .body("{\"reviewer\": {\"system\": \"" + Referrals.LICENCE + "\", \"value\": \"110350921000999\"}}")
                .post("/v1/referrals/{id}/review", id)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("REF-0006"));
        asHospital(VILLAGE_CLINIC).get("/v1/referrals/{id}", id).then().body("status", equalTo("REQUESTED"));
        review(VILLAGE_CLINIC, id).statusCode(200).body("status", equalTo("REVIEWED"));
    }

    @Test
    void aGreenChannelNeedsADiagnosisThePolicyOpensItFor() {
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL);
        body.put("urgency", "GREEN_CHANNEL");
        ((ObjectNode) body.get("diagnosis")).put("code", "J06.900").put("display", "急性上呼吸道感染");
        asHospital(VILLAGE_CLINIC)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("REF-0008"))
                .body("errors[0].field", equalTo("urgency"));
    }

    @Test
    void aGreenChannelReferralGoesStraightToTheReceiverAndIsReviewedAfterwards() throws Exception {
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL);
        body.put("urgency", "GREEN_CHANNEL");
        String id = Referrals.create(VILLAGE_CLINIC, body);

        accept(COUNTY_HOSPITAL, id).statusCode(200).body("status", equalTo("ACCEPTED"));
        arrive(COUNTY_HOSPITAL, id).statusCode(200);
        review(VILLAGE_CLINIC, id)
                .statusCode(200)
                .body("status", equalTo("ARRIVED"))
                .body("review.retrospective", equalTo(true))
                .body("flags.greenChannel", equalTo(true));

        var events = Referrals.eventsOf(id, 4);
        assertThat(Referrals.ceTypes(events))
                .containsExactly(
                        "org.sanyi.referral.requested.v1",
                        "org.sanyi.referral.accepted.v1",
                        "org.sanyi.referral.arrived.v1",
                        "org.sanyi.referral.reviewed.v1");
        var reviewed = mapper.readTree(events.get(3).value());
        assertThat(reviewed.path("retrospectiveReview").asBoolean()).isTrue();
        assertThat(reviewed.path("status").asText()).isEqualTo("ARRIVED");
    }

    @Test
    void ofAConcurrentAcceptAndCancelBasedOnTheSameVersionExactlyOneWins() throws Exception {
        // Sequentially, accept-then-cancel is legal; decided on the same version they exclude each other.
        for (int round = 0; round < 5; round++) {
            String id = reviewedReferral();
            List<Integer> statuses = race(
                    () -> asHospital(COUNTY_HOSPITAL)
                            .header("If-Match", "\"1\"")
                            .body("{}")
                            .post("/v1/referrals/{id}/accept", id)
                            .statusCode(),
                    () -> asHospital(VILLAGE_CLINIC)
                            .header("If-Match", "\"1\"")
                            .body("{\"reason\": \"PATIENT_DECLINED\"}")
                            .post("/v1/referrals/{id}/cancel", id)
                            .statusCode());

            // One wins. The loser either finds its If-Match stale (412) or, having checked it while the winner was
            // committing, collides with that commit (409); either way it changed nothing.
            assertThat(statuses).containsOnlyOnce(200).hasSize(2);
            assertThat(statuses).anyMatch(status -> status == 412 || status == 409);
            String winner = statuses.get(0) == 200 ? "ACCEPTED" : "CANCELLED";
            asHospital(VILLAGE_CLINIC)
                    .get("/v1/referrals/{id}", id)
                    .then()
                    .header("ETag", "\"2\"")
                    .body("status", equalTo(winner))
                    .body("version", equalTo(2));
            var events = Referrals.eventsOf(id, 3);
            assertThat(events).hasSize(3);
            assertThat(Referrals.header(events.get(2), "ce_type"))
                    .isEqualTo("org.sanyi.referral." + winner.toLowerCase() + ".v1");
        }
    }

    @Test
    void ofAConcurrentAcceptAndRejectExactlyOneWinsEvenWithoutIfMatch() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = reviewedReferral();
            List<Integer> statuses = race(
                    () -> accept(COUNTY_HOSPITAL, id).extract().statusCode(),
                    () -> reject(COUNTY_HOSPITAL, id).extract().statusCode());

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(Referrals.eventsOf(id, 3)).hasSize(3);
        }
    }

    @Test
    void aStepOnAStaleVersionFailsItsPrecondition() {
        String id = reviewedReferral();
        asHospital(COUNTY_HOSPITAL)
                .header("If-Match", "\"0\"")
                .body("{}")
                .post("/v1/referrals/{id}/accept", id)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0016"));
        asHospital(COUNTY_HOSPITAL)
                .header("If-Match", "yesterday")
                .body("{}")
                .post("/v1/referrals/{id}/accept", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches.
        asHospital(COUNTY_HOSPITAL)
                .header("If-Match", "W/\"1\"")
                .body("{}")
                .post("/v1/referrals/{id}/accept", id)
                .then()
                .statusCode(412)
                .body("code", equalTo("PLT-0016"));
        asHospital(COUNTY_HOSPITAL)
                .header("If-Match", "\"1\"")
                .body("{}")
                .post("/v1/referrals/{id}/accept", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
    }

    private String reviewedReferral() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        review(VILLAGE_CLINIC, id).statusCode(200);
        return id;
    }

    /** Starts both calls at the same moment; their HTTP statuses in the order given. */
    private static List<Integer> race(Callable<Integer> first, Callable<Integer> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> racer : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return racer.call();
                }));
            }
            start.countDown();
            return List.of(results.get(0).get(), results.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnansweredReferralExpiresAndSaysSo() throws Exception {
        String waiting = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        String reviewed = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        review(VILLAGE_CLINIC, reviewed).statusCode(200);
        String answered = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        review(VILLAGE_CLINIC, answered).statusCode(200);
        accept(COUNTY_HOSPITAL, answered).statusCode(200);

        // Move the deadlines into the past, as if the policy's response time had run out.
        for (String id : List.of(waiting, reviewed, answered)) {
            Referrals.execute(
                    "update referral set answer_due_at = now() - interval '1 minute' where id = ?",
                    java.util.UUID.fromString(id));
        }

        for (String id : List.of(waiting, reviewed)) {
            Referrals.await(id + " expired", () -> "EXPIRED"
                    .equals(asHospital(VILLAGE_CLINIC)
                            .get("/v1/referrals/{id}", id)
                            .path("status")));
            var events = Referrals.eventsOf(id, id.equals(waiting) ? 2 : 3);
            var expired = events.get(events.size() - 1);
            assertThat(Referrals.header(expired, "ce_type")).isEqualTo("org.sanyi.referral.expired.v1");
            assertThat(mapper.readTree(expired.value())
                            .path("timeline")
                            .path("expiredAt")
                            .isTextual())
                    .isTrue();
        }
        asHospital(VILLAGE_CLINIC).get("/v1/referrals/{id}", answered).then().body("status", equalTo("ACCEPTED"));
        accept(COUNTY_HOSPITAL, reviewed).statusCode(409).body("code", equalTo("REF-0002"));
        assertThat(Referrals.auditOf(waiting)).contains("UPDATE by SANYI-REFERRAL-SERVICE");
    }

    @Test
    void aReferralThatCannotExpireDoesNotHoldBackTheOthers() throws Exception {
        String broken = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        String fine = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        // A row its expired event cannot describe (not an ICD-10 code), due first, so it heads every batch.
        Referrals.execute(
                "update referral set diagnosis_code = 'not-icd', answer_due_at = now() - interval '2 minutes'"
                        + " where id = ?",
                java.util.UUID.fromString(broken));
        Referrals.execute(
                "update referral set answer_due_at = now() - interval '1 minute' where id = ?",
                java.util.UUID.fromString(fine));

        Referrals.await(fine + " expired", () -> "EXPIRED"
                .equals(asHospital(VILLAGE_CLINIC)
                        .get("/v1/referrals/{id}", fine)
                        .path("status")));
        assertThat(asHospital(VILLAGE_CLINIC)
                        .get("/v1/referrals/{id}", broken)
                        .path("status")
                        .toString())
                .isEqualTo("REQUESTED");

        // Repaired, it expires at the next sweep.
        Referrals.execute(
                "update referral set diagnosis_code = 'I63.900' where id = ?", java.util.UUID.fromString(broken));
        Referrals.await(broken + " expired", () -> "EXPIRED"
                .equals(asHospital(VILLAGE_CLINIC)
                        .get("/v1/referrals/{id}", broken)
                        .path("status")));
    }

    @Test
    void anArrivalCannotLieInTheFuture() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        review(VILLAGE_CLINIC, id).statusCode(200);
        accept(COUNTY_HOSPITAL, id).statusCode(200);
        asHospital(COUNTY_HOSPITAL)
                .body("{\"arrivedAt\": \"2099-01-01T00:00:00Z\"}")
                .post("/v1/referrals/{id}/arrive", id)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("arrivedAt"));
    }

    @Test
    void transitionBodiesAreValidated() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));
        review(VILLAGE_CLINIC, id).statusCode(200);
        asHospital(COUNTY_HOSPITAL)
                .body("{\"reason\": \"BUSY\"}")
                .post("/v1/referrals/{id}/reject", id)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
        asHospital(COUNTY_HOSPITAL)
                .body("{}")
                .post("/v1/referrals/{id}/reject", id)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
        // Accepting needs no body at all.
        asHospital(COUNTY_HOSPITAL)
                .post("/v1/referrals/{id}/accept", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }
}
