package org.sanyi.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestTokens;

/**
 * Refused requests leave an audit record of their own, which survives the rollback of the refused use case; the
 * purpose of use is a code of the HL7 value set, anything else is refused before anything is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class AuditDenialTest {

    @Inject
    AgroalDataSource dataSource;

    private static String bearer(String institution, String role, String subject) {
        return "Bearer " + TestTokens.mint(institution, role, subject);
    }

    @Test
    void aRoleRefusalIsAuditedWithTheCaller() throws Exception {
        String subject = "nurse-" + UUID.randomUUID();
        given().header("Authorization", bearer("H-0001", TestTokens.HOSPITAL, subject))
                .get("/v1/probe/admin-only")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("PLT-0006"));

        List<String> denials = awaitRows(
                "select action || ' ' || institution_code || ' ' || role || ' ' || resource_type || ' ' || resource_id"
                        + " || ' ' || purpose from audit_record where actor_subject = ?",
                subject);
        assertThat(denials).containsExactly("DENIED H-0001 hospital HttpRequest GET /v1/probe/admin-only TREAT");
    }

    @Test
    void aPartyRefusalIsAuditedAlthoughTheUseCaseRollsBack() throws Exception {
        String aggregate = "A-" + UUID.randomUUID();
        String subject = "dr-" + UUID.randomUUID();
        given().header("Authorization", bearer("H-0003", TestTokens.HOSPITAL, subject))
                .header(PurposeOfUse.HEADER, "ETREAT")
                .post("/v1/probe/audited/" + aggregate + "/guarded")
                .then()
                .statusCode(403)
                .body("code", equalTo("PLT-0006"));

        List<String> rows = awaitRows(
                "select action || ' ' || institution_code || ' ' || resource_id || ' ' || purpose"
                        + " from audit_record where actor_subject = ?",
                subject);
        assertThat(rows)
                .as("the READ audited inside the refused use case rolled back with it; the denial stays")
                .containsExactly("DENIED H-0003 POST /v1/probe/audited/" + aggregate + "/guarded ETREAT");
        assertThat(rows("select aggregate from probe_change where aggregate = ?", aggregate))
                .isEmpty();
    }

    @Test
    void aPurposeOfTheValueSetIsRecorded() throws Exception {
        String aggregate = "A-" + UUID.randomUUID();
        given().header("Authorization", bearer("H-0001", TestTokens.HOSPITAL, "dr-wu"))
                .header(PurposeOfUse.HEADER, "HRESCH")
                .get("/v1/probe/audited/" + aggregate)
                .then()
                .statusCode(200)
                .body("purpose", equalTo("HRESCH"));
        assertThat(rows("select purpose from audit_record where resource_id = ?", aggregate))
                .containsExactly("HRESCH");
    }

    @Test
    void aPurposeOutsideTheValueSetIs400AndNothingIsAudited() throws Exception {
        for (String purpose : List.of("curiosity", "treat", "TREAT,HRESCH", "x".repeat(2000))) {
            String aggregate = "A-" + UUID.randomUUID();
            given().header("Authorization", bearer("H-0001", TestTokens.HOSPITAL, "dr-wu"))
                    .header(PurposeOfUse.HEADER, purpose)
                    .get("/v1/probe/audited/" + aggregate)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("PLT-0020"))
                    .body("errors.field", hasItem(PurposeOfUse.HEADER));
            assertThat(rows("select purpose from audit_record where resource_id = ?", aggregate))
                    .isEmpty();
        }
    }

    /** A denial may be written off the request thread (a refusal on the event loop): give it a moment. */
    private List<String> awaitRows(String sql, String parameter) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> found = rows(sql, parameter);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = rows(sql, parameter);
        }
        return found;
    }

    private List<String> rows(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet result = select.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (result.next()) {
                    values.add(result.getString(1));
                }
                return values;
            }
        }
    }
}
