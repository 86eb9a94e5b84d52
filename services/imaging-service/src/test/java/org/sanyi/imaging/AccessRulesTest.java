package org.sanyi.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.CITY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.INSURER;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.OPERATOR;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.OTHER_COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.PROVINCIAL_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.REGULATOR;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_CENTRE;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.VILLAGE_CLINIC;
import static org.sanyi.testing.TestCallers.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.sanyi.directory.replica.testing.DirectoryPublisher;
import org.sanyi.events.EventType;
import org.sanyi.kernel.Identifier;
import org.sanyi.platform.patient.PatientPseudonyms;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;
import org.sanyi.testing.TestTokens;

/**
 * Who may look (BR-I3, BR-F3): the source, the reading centre, an accepted referral's parties, the same group on the
 * study date, a consent given with the e-health card; nobody else, except break-glass, which is flagged for review.
 * Insurers see a claim's index entries without report; regulators see counts only. Every look is in the log.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class AccessRulesTest extends ImagingTestBase {

    private static final String PURPOSE = "X-Purpose-Of-Use";

    @Inject
    PatientPseudonyms pseudonyms;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anInstitutionWithoutARelationshipIsRefusedAndTheSourceAlwaysSeesItsOwn() {
        Identifier patient = TestPatients.residentId();
        String uid = Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, patient));
        Studies.qidoByPatient(OTHER_COUNTY_HOSPITAL, patient)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("IMG-0004"));
        as(OTHER_COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .post("/v1/studies/" + uid + "/retrieval-tickets")
                .then()
                .statusCode(403);
        Studies.qidoByPatient(TOWNSHIP_CENTRE, patient).then().statusCode(200).body("size()", equalTo(1));
        // A patient the index does not know is no refusal: nothing matches.
        Studies.qidoByPatient(OTHER_COUNTY_HOSPITAL, TestPatients.residentId())
                .then()
                .statusCode(204);
    }

    @Test
    void membersOfOneGroupOnTheStudyDateSeeEachOthersStudies() {
        Identifier patient = TestPatients.residentId();
        String uid = Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, patient));
        Studies.qidoByPatient(COUNTY_HOSPITAL, patient)
                .then()
                .statusCode(200)
                .body("[0].0020000D.Value[0]", equalTo(uid));
        assertThat(disclosuresBySource(patient)).anySatisfy(look -> {
            assertThat(look.get("institutionCode")).isEqualTo(COUNTY_HOSPITAL);
            assertThat(look.get("basis")).isEqualTo("SAME_GROUP");
        });
    }

    @Test
    void anAcceptedReferralLetsItsPartiesSeeThePatientsStudiesUntilItIsCancelled() {
        Identifier patient = TestPatients.residentId();
        String uid = Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, patient));
        Studies.qidoByPatient(CITY_HOSPITAL, patient).then().statusCode(403);

        String referral = UUID.randomUUID().toString();
        publishReferral(EventType.REFERRAL_ACCEPTED, referral, patient, VILLAGE_CLINIC, CITY_HOSPITAL);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Studies.qidoByPatient(CITY_HOSPITAL, patient)
                .then()
                .statusCode(200)
                .body("[0].0020000D.Value[0]", equalTo(uid)));
        assertThat(disclosuresBySource(patient)).anySatisfy(look -> {
            assertThat(look.get("basis")).isEqualTo("REFERRAL");
            assertThat(look.get("basisReference")).isEqualTo(referral);
        });

        publishReferral(EventType.REFERRAL_CANCELLED, referral, patient, VILLAGE_CLINIC, CITY_HOSPITAL);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        Studies.qidoByPatient(CITY_HOSPITAL, patient).then().statusCode(403));
    }

    @Test
    void aReferralAcceptedLongerAgoThanTheValidityGrantsNothing() {
        Identifier patient = TestPatients.residentId();
        Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, patient));
        publishReferral(
                EventType.REFERRAL_ACCEPTED,
                UUID.randomUUID().toString(),
                patient,
                VILLAGE_CLINIC,
                PROVINCIAL_HOSPITAL,
                Instant.now().minus(Duration.ofDays(400)));
        // A fresh referral of another patient, published after it, shows the old one was read by now.
        Identifier other = TestPatients.residentId();
        Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, other));
        publishReferral(
                EventType.REFERRAL_ACCEPTED, UUID.randomUUID().toString(), other, VILLAGE_CLINIC, PROVINCIAL_HOSPITAL);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        Studies.qidoByPatient(PROVINCIAL_HOSPITAL, other).then().statusCode(200));
        Studies.qidoByPatient(PROVINCIAL_HOSPITAL, patient).then().statusCode(403);
    }

    @Test
    void aConsentGivenWithTheCardLetsTheInstitutionSeeUntilItIsRevoked() {
        Identifier patient = TestPatients.residentId();
        Identifier card = TestPatients.eHealthCard();
        Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, patient, card));
        // Without the card the consent is refused.
        as(PROVINCIAL_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of(
                        "patient",
                        Studies.patient(patient),
                        "expiresAt",
                        Instant.now().plusSeconds(3600).toString()))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("IMG-0012"));
        String consent = as(PROVINCIAL_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of(
                        "patient",
                        Studies.patient(card),
                        "expiresAt",
                        Instant.now().plusSeconds(3600).toString()))
                .post("/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Studies.qidoByPatient(PROVINCIAL_HOSPITAL, patient)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
        as(PROVINCIAL_HOSPITAL, TestTokens.HOSPITAL)
                .post("/v1/consents/" + consent + "/revocation")
                .then()
                .statusCode(204);
        Studies.qidoByPatient(PROVINCIAL_HOSPITAL, patient).then().statusCode(403);
        as(OTHER_COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .post("/v1/consents/" + consent + "/revocation")
                .then()
                .statusCode(404);
    }

    @Test
    void breakGlassNeedsAnEmergencyIsGrantedFlaggedAndReviewedOnce() {
        Identifier patient = TestPatients.residentId();
        String uid = Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, patient));
        Studies.qidoByPatient(PROVINCIAL_HOSPITAL, patient).then().statusCode(403);
        as(PROVINCIAL_HOSPITAL, TestTokens.HOSPITAL)
                .header("X-Break-Glass-Reason", "LIFE_THREATENING")
                .queryParam("PatientID", patient.value())
                .get("/dicomweb/studies")
                .then()
                .statusCode(400)
                .body("code", equalTo("IMG-0009"));
        as(PROVINCIAL_HOSPITAL, TestTokens.HOSPITAL)
                .header("X-Break-Glass-Reason", "BECAUSE")
                .header(PURPOSE, "ETREAT")
                .queryParam("PatientID", patient.value())
                .get("/dicomweb/studies")
                .then()
                .statusCode(400);
        as(PROVINCIAL_HOSPITAL, TestTokens.HOSPITAL)
                .header("X-Break-Glass-Reason", "LIFE_THREATENING")
                .header(PURPOSE, "ETREAT")
                .queryParam("PatientID", patient.value())
                .get("/dicomweb/studies")
                .then()
                .statusCode(200)
                .body("[0].0020000D.Value[0]", equalTo(uid));

        List<Map<String, Object>> pending = as(REGULATOR, TestTokens.REGULATOR)
                .get("/v1/break-glass-accesses")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.institutionCode == '" + PROVINCIAL_HOSPITAL + "' }");
        String patientPseudonym = pseudonyms.pseudonymOf(patient);
        Map<String, Object> look = pending.stream()
                .filter(p -> patientPseudonym.equals(p.get("patientPseudonym")))
                .findFirst()
                .orElseThrow();
        assertThat(look.get("reason")).isEqualTo("LIFE_THREATENING");
        assertThat(look.get("reviewStatus")).isEqualTo("PENDING");
        String accessId = (String) look.get("accessId");
        as(REGULATOR, TestTokens.REGULATOR)
                .body(Map.of("outcome", "JUSTIFIED", "note", "trauma, ED record checked"))
                .post("/v1/break-glass-accesses/" + accessId + "/review")
                .then()
                .statusCode(200)
                .body("reviewStatus", equalTo("JUSTIFIED"));
        as(REGULATOR, TestTokens.REGULATOR)
                .body(Map.of("outcome", "UNJUSTIFIED"))
                .post("/v1/break-glass-accesses/" + accessId + "/review")
                .then()
                .statusCode(409)
                .body("code", equalTo("IMG-0011"));
        as(PROVINCIAL_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/break-glass-accesses")
                .then()
                .statusCode(403);
        assertThat(disclosuresBySource(patient)).anySatisfy(entry -> {
            assertThat(entry.get("basis")).isEqualTo("BREAK_GLASS");
            assertThat(entry.get("breakGlassReason")).isEqualTo("LIFE_THREATENING");
            assertThat(entry.get("reviewStatus")).isEqualTo("JUSTIFIED");
            assertThat(entry.get("purposeOfUse")).isEqualTo("ETREAT");
        });
    }

    @Test
    void anInsurerSeesAClaimsIndexEntriesWithoutReportAndARegulatorSeesNoStudy() {
        Identifier patient = TestPatients.residentId();
        Map<String, Object> study = Studies.chestDr(Studies.uid(), 5, patient);
        String claim = "MDTRT-" + UUID.randomUUID().toString().substring(0, 8);
        study.put("claimReferences", List.of(claim));
        study.put("report", Map.of("status", "FINAL", "findings", "双肺纹理增多", "reportedAt", study.get("studyAt")));
        String uid = Studies.registered(TOWNSHIP_CENTRE, study);
        as(INSURER, TestTokens.INSURER)
                .body(Map.of("claim", claim))
                .post("/v1/study-searches")
                .then()
                .statusCode(200)
                .body("studies[0].studyInstanceUid", equalTo(uid))
                .body("studies[0].accessBasis", equalTo("INSURER_CLAIM"))
                .body("studies[0]", not(org.hamcrest.Matchers.hasKey("report")))
                .body("studies[0]", not(org.hamcrest.Matchers.hasKey("patientIdentifier")));
        as(INSURER, TestTokens.INSURER)
                .body(Map.of("patient", Studies.patient(patient)))
                .post("/v1/study-searches")
                .then()
                .statusCode(403);
        as(REGULATOR, TestTokens.REGULATOR)
                .queryParam("PatientID", patient.value())
                .get("/dicomweb/studies")
                .then()
                .statusCode(403);
        as(REGULATOR, TestTokens.REGULATOR)
                .body(Map.of("claim", claim))
                .post("/v1/study-searches")
                .then()
                .statusCode(403);
    }

    @Test
    void aRetrievalTicketIsSignedForTheSourceAndVerifiableWithThePublishedKeys() throws Exception {
        Identifier patient = TestPatients.residentId();
        String uid = Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, patient));
        Map<String, Object> ticket = as(COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .post("/v1/studies/" + uid + "/retrieval-tickets")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        String keys = io.restassured.RestAssured.given()
                .get("/v1/retrieval-keys")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(keys).doesNotContain("\"d\"");
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setExpectedIssuer("urn:sanyi:imaging-service")
                .setExpectedAudience(TOWNSHIP_CENTRE)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(keys).getJsonWebKeys()))
                .build();
        JwtClaims claims = consumer.processToClaims((String) ticket.get("ticket"));
        assertThat(claims.getSubject()).isEqualTo(COUNTY_HOSPITAL);
        assertThat(claims.getStringClaimValue("study_uid")).isEqualTo(uid);
        assertThat(claims.getStringClaimValue("retrieve_url")).isEqualTo(Studies.PACS + "/studies/" + uid);
        assertThat(claims.getJwtId()).isEqualTo(ticket.get("accessId"));
        assertThat(claims.getExpirationTime().getValueInMillis() - System.currentTimeMillis())
                .isBetween(0L, Duration.ofMinutes(6).toMillis());
        // A ticket for another source does not verify as this source's.
        JwtConsumer otherSource = new JwtConsumerBuilder()
                .setExpectedIssuer("urn:sanyi:imaging-service")
                .setExpectedAudience(COUNTY_HOSPITAL)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(keys).getJsonWebKeys()))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> otherSource.processToClaims((String) ticket.get("ticket")))
                .isInstanceOf(org.jose4j.jwt.consumer.InvalidJwtException.class);
        assertThat(disclosuresBySource(patient)).anySatisfy(look -> {
            assertThat(look.get("action")).isEqualTo("RETRIEVE");
            assertThat(look.get("accessId")).isEqualTo(ticket.get("accessId"));
        });
    }

    @Test
    void theDisclosureLogIsForThePatientsChannelAndTheSourceOnly() {
        Identifier patient = TestPatients.residentId();
        Identifier card = TestPatients.eHealthCard();
        Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, patient, card));
        Studies.qidoByPatient(COUNTY_HOSPITAL, patient).then().statusCode(200);
        Studies.qidoByPatient(OTHER_COUNTY_HOSPITAL, patient).then().statusCode(403);

        as(OTHER_COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .body(Map.of("patient", Studies.patient(patient)))
                .post("/v1/disclosures")
                .then()
                .statusCode(403);
        // The patient's own channel: any institution's app presenting the card with purpose PATRQT.
        List<String> lookers = as(OTHER_COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .header(PURPOSE, "PATRQT")
                .body(Map.of("patient", Studies.patient(card)))
                .post("/v1/disclosures")
                .then()
                .statusCode(200)
                .extract()
                .path("institutionCode");
        assertThat(lookers).contains(COUNTY_HOSPITAL).doesNotContain(OTHER_COUNTY_HOSPITAL);
        // The refused look is in the audit trail as a denial, not in the log of disclosures.
        as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("patient", Studies.patient(patient)))
                .post("/v1/disclosures")
                .then()
                .statusCode(200)
                .body("institutionCode", hasItem(COUNTY_HOSPITAL));
    }

    @Test
    void everyLookIsInTheHashChainedAuditTrail() throws Exception {
        Identifier patient = TestPatients.residentId();
        Studies.registered(TOWNSHIP_CENTRE, Studies.chestDr(Studies.uid(), 5, patient));
        Studies.qidoByPatient(COUNTY_HOSPITAL, patient).then().statusCode(200);
        Studies.qidoByPatient(OTHER_COUNTY_HOSPITAL, patient).then().statusCode(403);
        List<String> accessIds = disclosuresBySource(patient).stream()
                .map(look -> (String) look.get("accessId"))
                .toList();
        assertThat(accessIds).hasSize(1);
        String pseudonym = pseudonyms.pseudonymOf(patient);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select action, institution_code, resource_id"
                        + " from audit_record where patient_pseudonym = ? and resource_type = 'ImagingStudyAccess'")) {
            statement.setString(1, pseudonym);
            List<String> records = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
            assertThat(records).containsExactly("SEARCH " + COUNTY_HOSPITAL + " " + accessIds.get(0));
        }
        // The refusal is audited as a denial of the request, without the patient.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select count(*) from audit_record where"
                        + " action = 'DENIED' and institution_code = ? and resource_id like '%/dicomweb/studies%'")) {
            statement.setString(1, OTHER_COUNTY_HOSPITAL);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isPositive();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(OPERATOR, TestTokens.PLATFORM_ADMIN)
                .queryParam("from", "start")
                .get("/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("staleUnsealedRecords", equalTo(0)));
    }

    private List<Map<String, Object>> disclosuresBySource(Identifier patient) {
        return as(TOWNSHIP_CENTRE, TestTokens.HOSPITAL)
                .body(Map.of("patient", Studies.patient(patient)))
                .post("/v1/disclosures")
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    private void publishReferral(EventType type, String referral, Identifier patient, String sender, String receiver) {
        publishReferral(type, referral, patient, sender, receiver, Instant.now());
    }

    /** The fields the consumer reads, as the referral service writes them. */
    private void publishReferral(
            EventType type, String referral, Identifier patient, String sender, String receiver, Instant acceptedAt) {
        String data = "{\"referralId\":\"" + referral + "\",\"status\":\""
                + type.name().substring(9)
                + "\",\"patientPseudonym\":\"" + pseudonyms.pseudonymOf(patient)
                + "\",\"sender\":{\"institutionCode\":\""
                + sender + "\"},\"receiver\":{\"institutionCode\":\"" + receiver
                + "\"},\"timeline\":{\"acceptedAt\":\"" + acceptedAt + "\"}}";
        try (DirectoryPublisher publisher = DirectoryPublisher.to(SanyiTestInfrastructure.kafkaBootstrapServers())) {
            publisher.publishAs("referral-service", type, referral, data);
        }
    }
}
