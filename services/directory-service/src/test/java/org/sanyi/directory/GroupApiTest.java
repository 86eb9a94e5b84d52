package org.sanyi.directory;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class GroupApiTest {

    @Test
    void theSeedHasTwoCityGroupsLedByTheCityHospitals() {
        Callers.as("ND-HSB01", TestTokens.INSURER)
                .queryParam("kind", "CITY_MEDICAL_GROUP")
                .when()
                .get("/v1/groups")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.id", equalTo(List.of("GRP-ND-MD", "GRP-ND-SY")))
                .body("items.name", equalTo(List.of("闽东医院医疗集团", "宁德市医院医疗集团")));
        Callers.as("ND-HSB01", TestTokens.REGULATOR)
                .when()
                .get("/v1/groups/GRP-ND-SY")
                .then()
                .statusCode(200)
                .body("kind", equalTo("CITY_MEDICAL_GROUP"))
                .body("memberships.find { it.role == 'LEAD' }.institutionCode", equalTo("ND-H01"))
                .body("memberships.institutionCode", hasItem("NDXP-H01"));
        Callers.asHospital()
                .queryParam("kind", "COUNTY_MEDICAL_COMMUNITY")
                .when()
                .get("/v1/groups")
                .then()
                .statusCode(200)
                .body("items.id", hasItem("GRP-XP-YGT"))
                .body("items.id", hasItem("GRP-GT-YGT"))
                .body("items.id", hasItem("GRP-FA-YGT"))
                .body("items.id", hasItem("GRP-FD-YGT"));
    }

    @Test
    void anAdminBuildsAGroupAndItsMemberships() {
        String lead = createInstitution("GENERAL_HOSPITAL", "SECONDARY");
        String member = createInstitution("TOWNSHIP_HEALTH_CENTER", "GRASSROOTS");
        String id = Callers.freshCode("GRP-ZN");

        Callers.asAdmin()
                .body("{\"name\": \"周宁县总医院（县域医共体）\", \"kind\": \"COUNTY_MEDICAL_COMMUNITY\","
                        + " \"regionCode\": \"350925\"}")
                .when()
                .put("/v1/groups/" + id)
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body("memberships", hasSize(0));

        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body(
                        """
                        {"memberships": [
                          {"institutionCode": "%s", "role": "MEMBER", "validFrom": "2024-01-01"},
                          {"institutionCode": "%s", "role": "LEAD", "validFrom": "2024-01-01"}]}"""
                                .formatted(member, lead))
                .when()
                .put("/v1/groups/" + id + "/memberships")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("memberships.role", equalTo(List.of("LEAD", "MEMBER")));

        Callers.asHospital()
                .queryParam("on", "2024-03-01")
                .get("/v1/institutions/" + member + "/groups")
                .then()
                .statusCode(200)
                .body("groupId", equalTo(List.of(id)))
                .body("[0].role", equalTo("MEMBER"));
        Callers.asHospital()
                .queryParam("on", "2023-12-31")
                .get("/v1/institutions/" + member + "/groups")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        Callers.asHospital()
                .get("/v1/groups/" + id + "/history")
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of(2, 1)));
    }

    @Test
    void membershipRulesAre422NamingTheEntry() {
        String lead = createInstitution("GENERAL_HOSPITAL", "SECONDARY");
        String otherLead = createInstitution("GENERAL_HOSPITAL", "SECONDARY");
        String regulator = createInstitution("HEALTH_COMMISSION", "NOT_APPLICABLE");
        String id = Callers.freshCode("GRP-ZN");
        Callers.asAdmin()
                .body("{\"name\": \"周宁县测试集团\", \"kind\": \"MEDICAL_ALLIANCE\", \"regionCode\": \"350925\"}")
                .put("/v1/groups/" + id)
                .then()
                .statusCode(201);

        assertMembershipsRejected(
                id,
                """
                [{"institutionCode": "%s", "role": "LEAD", "validFrom": "2024-01-01"},
                 {"institutionCode": "%s", "role": "LEAD", "validFrom": "2024-06-01", "validTo": "2025-01-01"}]"""
                        .formatted(lead, otherLead),
                "DIR-0007",
                "memberships[1].role");
        assertMembershipsRejected(
                id,
                """
                [{"institutionCode": "%1$s", "role": "LEAD", "validFrom": "2024-01-01", "validTo": "2025-01-01"},
                 {"institutionCode": "%1$s", "role": "MEMBER", "validFrom": "2024-12-01"}]"""
                        .formatted(lead),
                "DIR-0006",
                "memberships[1].validFrom");
        assertMembershipsRejected(
                id,
                "[{\"institutionCode\": \"%s\", \"role\": \"MEMBER\", \"validFrom\": \"2024-01-01\"}]"
                        .formatted(regulator),
                "DIR-0009",
                "memberships[0].institutionCode");
        assertMembershipsRejected(
                id,
                "[{\"institutionCode\": \"ZN-NOBODY\", \"role\": \"MEMBER\", \"validFrom\": \"2024-01-01\"}]",
                "DIR-0004",
                "memberships[0].institutionCode");

        // A lead handing over to another lead on the same day is fine: the periods touch but do not overlap.
        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body(
                        """
                        {"memberships": [
                          {"institutionCode": "%s", "role": "LEAD", "validFrom": "2024-01-01", "validTo": "2025-01-01"},
                          {"institutionCode": "%s", "role": "LEAD", "validFrom": "2025-01-01"}]}"""
                                .formatted(lead, otherLead))
                .put("/v1/groups/" + id + "/memberships")
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void groupWritesNeedThePlatformAdminRole() {
        Callers.as("ND-HC01", TestTokens.REGULATOR)
                .body("{\"name\": \"越权\", \"kind\": \"MEDICAL_ALLIANCE\", \"regionCode\": \"350925\"}")
                .when()
                .put("/v1/groups/" + Callers.freshCode("GRP-ZN"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownGroupIs404() {
        Callers.asHospital()
                .get("/v1/groups/GRP-NOWHERE")
                .then()
                .statusCode(404)
                .body("code", equalTo("DIR-0002"));
        Callers.asAdmin()
                .body("{\"memberships\": []}")
                .put("/v1/groups/GRP-NOWHERE/memberships")
                .then()
                .statusCode(404)
                .body("code", equalTo("DIR-0002"));
    }

    private static void assertMembershipsRejected(String groupId, String memberships, String code, String field) {
        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body("{\"memberships\": " + memberships + "}")
                .when()
                .put("/v1/groups/" + groupId + "/memberships")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("errors[0].field", equalTo(field));
    }

    private static String createInstitution(String type, String level) {
        String code = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县测试机构", type, level))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(201);
        return code;
    }
}
