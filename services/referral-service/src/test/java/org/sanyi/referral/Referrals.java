package org.sanyi.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.sanyi.kernel.ResidentIdNumber;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestCallers;
import org.sanyi.testing.TestTokens;
import org.sanyi.testing.TopicReader;

/** Requests, bodies and observations shared by the referral tests. */
final class Referrals {

    static final String RESIDENT_ID = "urn:sanyi:id:cn-resident-id";
    static final String LICENCE = "urn:sanyi:id:cn-physician-licence";
    static final String TOPIC = "referral.events.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Referrals() {}

    static RequestSpecification asHospital(String institutionCode) {
        return as(institutionCode, TestTokens.HOSPITAL);
    }

    static RequestSpecification as(String institutionCode, String role) {
        return TestCallers.as(institutionCode, role);
    }

    /** The user of the sending hospital who reviews its referrals: another person than the requesting clinician. */
    static String reviewerOf(String sender) {
        return "reviewer-" + sender;
    }

    /** A well-formed 居民身份证号码 of a person born in 霞浦县, unique enough for one test run. */
    static String residentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(25_000));
        String first17 = "350921" + birth.toString().replace("-", "") + "%03d".formatted(random.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A complete, valid request body; tests change what they probe. */
    static ObjectNode body(String receiver, String residentId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("receiverInstitution", receiver);
        ObjectNode patient = body.putObject("patient");
        patient.putObject("identifier").put("system", RESIDENT_ID).put("value", residentId);
        patient.put("name", "林秀英");
        patient.put("contact", "13905930000");
        body.putObject("diagnosis").put("code", "I63.900").put("display", "脑梗死");
        body.put("reason", "急性脑梗死，需上级医院溶栓评估");
        body.put("requestedDepartment", "神经内科");
        body.put("urgency", "ROUTINE");
        ArrayNode attachments = body.putArray("attachments");
        attachments
                .addObject()
                .put("kind", "IMAGING_STUDY")
                .put("reference", "1.2.156.112605.14038013507.20260301.1")
                .put("description", "头颅CT平扫");
        attachments.addObject().put("kind", "LAB_REPORT").put("reference", "lab-2026-000187");
        body.putObject("sendingClinician").put("system", LICENCE).put("value", "110350921000123");
        return body;
    }

    static ObjectNode body(String receiver) {
        return body(receiver, residentId());
    }

    /** Creates the referral as {@code sender}; returns its id. */
    static String create(String sender, ObjectNode body) {
        return asHospital(sender)
                .body(body.toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse review(String sender, String id) {
        return TestCallers.as(sender, TestTokens.HOSPITAL, reviewerOf(sender))
                .body("{\"reviewer\": {\"system\": \"" + LICENCE + "\", \"value\": \"110350921000999\"},"
                        + " \"note\": \"符合转诊指征\"}")
                .post("/v1/referrals/{id}/review", id)
                .then();
    }

    static ValidatableResponse accept(String receiver, String id) {
        return asHospital(receiver)
                .body("{\"appointmentAt\": \"2030-03-03T00:30:00Z\", \"note\": \"请携带既往病历\"}")
                .post("/v1/referrals/{id}/accept", id)
                .then();
    }

    static ValidatableResponse reject(String receiver, String id) {
        return asHospital(receiver)
                .body("{\"reason\": \"NO_CAPACITY\", \"note\": \"床位已满\"}")
                .post("/v1/referrals/{id}/reject", id)
                .then();
    }

    static ValidatableResponse arrive(String receiver, String id) {
        return asHospital(receiver)
                .body("{\"admittedAsInpatient\": true, \"jointWard\": true}")
                .post("/v1/referrals/{id}/arrive", id)
                .then();
    }

    static ValidatableResponse complete(String receiver, String id) {
        return asHospital(receiver)
                .body("{\"outcome\": \"REFERRED_BACK\", \"summary\": \"溶栓后恢复良好，转回基层康复\"}")
                .post("/v1/referrals/{id}/complete", id)
                .then();
    }

    static ValidatableResponse cancel(String sender, String id) {
        return asHospital(sender)
                .body("{\"reason\": \"PATIENT_DECLINED\", \"note\": \"患者拒绝转院\"}")
                .post("/v1/referrals/{id}/cancel", id)
                .then();
    }

    /** Every record of the referral topic, read from the start by an outside consumer, until {@code done} holds. */
    static List<ConsumerRecord<String, String>> topicRecordsUntil(
            Predicate<List<ConsumerRecord<String, String>>> done) {
        return TopicReader.of(TOPIC).readUntil(done);
    }

    /** The records keyed by {@code referralId}, once there are at least {@code count} of them. */
    static List<ConsumerRecord<String, String>> eventsOf(String referralId, int count) {
        return TopicReader.of(TOPIC).readKeyed(referralId, count);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return TopicReader.header(record, name);
    }

    static List<String> ceTypes(List<ConsumerRecord<String, String>> records) {
        return TopicReader.headers(records, "ce_type");
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(
                SanyiTestInfrastructure.jdbcUrl(),
                SanyiTestInfrastructure.databaseUsername(),
                SanyiTestInfrastructure.databasePassword());
    }

    /** Runs one SQL statement with the given parameters; returns the update count. */
    static int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** Audit records of one referral: "ACTION by INSTITUTION" in insertion order. */
    static List<String> auditOf(String referralId) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement(
                        "select action, institution_code, patient_pseudonym from audit_record"
                                + " where resource_type = 'Referral' and resource_id = ? order by id")) {
            select.setString(1, referralId);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + " by " + rows.getString(2));
                }
            }
        }
        return entries;
    }

    static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).until(condition);
    }
}
