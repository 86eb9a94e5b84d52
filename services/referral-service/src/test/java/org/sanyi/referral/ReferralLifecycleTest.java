package org.sanyi.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.sanyi.referral.DirectoryFixture.COUNTY_HOSPITAL;
import static org.sanyi.referral.DirectoryFixture.VILLAGE_CLINIC;
import static org.sanyi.referral.Referrals.accept;
import static org.sanyi.referral.Referrals.arrive;
import static org.sanyi.referral.Referrals.asHospital;
import static org.sanyi.referral.Referrals.auditOf;
import static org.sanyi.referral.Referrals.complete;
import static org.sanyi.referral.Referrals.eventsOf;
import static org.sanyi.referral.Referrals.header;
import static org.sanyi.referral.Referrals.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.SanyiTestInfrastructure;

@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralLifecycleTest extends ReferralTestBase {

    @Test
    void aReferralRunsItsClosedLoopAndEveryStepIsPublishedInOrder() throws Exception {
        String residentId = Referrals.residentId();
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL, residentId);
        body.putObject("familyDoctor")
                .put("involvement", "INITIATED")
                .putObject("practitioner")
                .put("system", Referrals.LICENCE)
                .put("value", "110350921000777");

        var created = asHospital(VILLAGE_CLINIC)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("direction", equalTo("UPWARD"))
                .body("sender.institutionCode", equalTo(VILLAGE_CLINIC))
                .body("sender.name", equalTo("霞浦县长春镇大京村卫生所"))
                .body("receiver.level", equalTo("SECONDARY"))
                .body("patient.identifier.value", equalTo(residentId))
                .body("patient", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("pseudonym")))
                .body("flags.properReferral", equalTo(true))
                .body("flags.reimbursementUpliftPoints", equalTo(5))
                .body("flags.sameGroupEpisode", equalTo(true))
                .body("flags.secondDeductibleWaived", equalTo(true))
                .body("flags.familyDoctorInvolved", equalTo(true))
                .body("policy.regionCode", equalTo("350900"))
                .body("policy.version", equalTo(1))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/v1/referrals/" + id);

        review(VILLAGE_CLINIC, id).statusCode(200).body("status", equalTo("REVIEWED"));
        accept(COUNTY_HOSPITAL, id).statusCode(200).body("status", equalTo("ACCEPTED"));
        arrive(COUNTY_HOSPITAL, id)
                .statusCode(200)
                .body("status", equalTo("ARRIVED"))
                .body("timeline.arrivedAt", notNullValue())
                .body("arrival.admittedAsInpatient", equalTo(true));
        complete(COUNTY_HOSPITAL, id).statusCode(200).body("status", equalTo("COMPLETED"));

        // The loop is closed: the sender reads the receiver's summary.
        asHospital(VILLAGE_CLINIC)
                .get("/v1/referrals/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("version", equalTo(4))
                .body("completion.summary", equalTo("溶栓后恢复良好，转回基层康复"))
                .body("completion.outcome", equalTo("REFERRED_BACK"))
                .body("review.retrospective", equalTo(false));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 5);
        assertThat(Referrals.ceTypes(events))
                .containsExactly(
                        "org.sanyi.referral.requested.v1",
                        "org.sanyi.referral.reviewed.v1",
                        "org.sanyi.referral.accepted.v1",
                        "org.sanyi.referral.arrived.v1",
                        "org.sanyi.referral.completed.v1");
        for (int i = 0; i < events.size(); i++) {
            ConsumerRecord<String, String> event = events.get(i);
            JsonNode data = mapper.readTree(event.value());
            assertThat(event.key()).isEqualTo(id);
            assertThat(header(event, "ce_subject")).isEqualTo(id);
            assertThat(header(event, "ce_source")).isEqualTo("/sanyi/referral-service");
            assertThat(header(event, "ce_dataschema")).startsWith("urn:sanyi:event-schema:referral/");
            assertThat(data.path("referralVersion").asLong()).isEqualTo(i);
            assertThat(data.path("direction").asText()).isEqualTo("UPWARD");
            assertThat(data.path("diagnosisCode").asText()).isEqualTo("I63.900");
            assertThat(data.path("sender").path("institutionCode").asText()).isEqualTo(VILLAGE_CLINIC);
            assertThat(data.path("receiver").path("institutionCode").asText()).isEqualTo(COUNTY_HOSPITAL);
            assertThat(data.path("flags").path("properReferral").asBoolean()).isTrue();
            assertThat(data.path("flags").path("reimbursementUpliftPoints").asInt())
                    .isEqualTo(5);
            assertThat(data.path("flags").path("sameGroupEpisode").asBoolean()).isTrue();
            assertThat(data.path("flags").path("secondDeductibleWaived").asBoolean())
                    .isTrue();
            assertThat(data.path("commonGroupIds").toString()).contains(DirectoryFixture.XIAPU_GROUP);
            assertThat(data.path("policy").path("regionCode").asText()).isEqualTo("350900");
            assertThat(data.path("patientPseudonym").asText()).startsWith("pp-");
        }
        JsonNode completed = mapper.readTree(events.get(4).value());
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("outcome").asText()).isEqualTo("REFERRED_BACK");
        assertThat(completed.path("timeline").path("completedAt").isTextual()).isTrue();
        JsonNode arrived = mapper.readTree(events.get(3).value());
        assertThat(arrived.path("jointWard").asBoolean()).isTrue();
        assertThat(arrived.path("admittedAsInpatient").asBoolean()).isTrue();
    }

    @Test
    void noEventCarriesTheIdentifierNameContactOrANote() throws Exception {
        String residentId = Referrals.residentId();
        ObjectNode body = Referrals.body(COUNTY_HOSPITAL, residentId);
        ((ObjectNode) body.get("patient")).put("name", "郑美玲").put("contact", "13788889999");
        String id = Referrals.create(VILLAGE_CLINIC, body);
        review(VILLAGE_CLINIC, id).statusCode(200);
        Referrals.reject(COUNTY_HOSPITAL, id).statusCode(200);

        List<ConsumerRecord<String, String>> events = eventsOf(id, 3);
        assertThat(events).hasSize(3);
        String pseudonym =
                mapper.readTree(events.get(0).value()).path("patientPseudonym").asText();
        for (ConsumerRecord<String, String> event : events) {
            StringBuilder everything = new StringBuilder(event.value()).append(event.key());
            event.headers().forEach(h -> everything.append(new String(h.value())));
            assertThat(everything.toString())
                    .doesNotContain(residentId)
                    .doesNotContain(residentId.substring(6, 14))
                    .doesNotContain("郑美玲")
                    .doesNotContain("13788889999")
                    .doesNotContain("床位已满")
                    .doesNotContain("符合转诊指征")
                    .doesNotContain("急性脑梗死")
                    .doesNotContain("110350921000123")
                    .contains(pseudonym);
        }
        assertThat(mapper.readTree(events.get(2).value())
                        .path("rejectionReason")
                        .asText())
                .isEqualTo("NO_CAPACITY");
    }

    @Test
    void everyReadOfTheDetailsIsAudited() throws Exception {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));

        asHospital(COUNTY_HOSPITAL).get("/v1/referrals/{id}", id).then().statusCode(200);
        asHospital(VILLAGE_CLINIC)
                .header("X-Purpose-Of-Use", "TREAT")
                .get("/v1/referrals/{id}", id)
                .then()
                .statusCode(200);

        assertThat(auditOf(id))
                .containsExactly(
                        "CREATE by " + VILLAGE_CLINIC, "READ by " + COUNTY_HOSPITAL, "READ by " + VILLAGE_CLINIC);
    }

    @Test
    void eachPartyListsItsOwnSideWithoutPatientIdentity() {
        String id = Referrals.create(VILLAGE_CLINIC, Referrals.body(COUNTY_HOSPITAL));

        asHospital(COUNTY_HOSPITAL)
                .queryParam("role", "received")
                .queryParam("status", "REQUESTED")
                .queryParam("limit", 200)
                .get("/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id))
                .body("items.receiverInstitution", org.hamcrest.Matchers.everyItem(equalTo(COUNTY_HOSPITAL)))
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("REQUESTED")))
                .body("items[0].patient", org.hamcrest.Matchers.nullValue());
        asHospital(VILLAGE_CLINIC)
                .queryParam("role", "received")
                .get("/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        String sender = DirectoryFixture.TOWNSHIP_CENTRE;
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Referrals.create(sender, Referrals.body(DirectoryFixture.COUNTY_TCM_HOSPITAL)));
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = asHospital(sender).queryParam("role", "sent").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/referrals").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
    }
}
