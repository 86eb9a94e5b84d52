package org.sanyi.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class InstitutionApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {TestTokens.HOSPITAL, TestTokens.INSURER, TestTokens.REGULATOR, TestTokens.PLATFORM_ADMIN})
    void everyRoleReadsTheSeededNingdeDirectory(String role) {
        Callers.as("ND-HC01", role)
                .when()
                .get("/v1/institutions/NDXP-H01")
                .then()
                .statusCode(200)
                .header("ETag", startsWith("\""))
                .body("name", equalTo("霞浦县医院"))
                .body("type", equalTo("GENERAL_HOSPITAL"))
                .body("level", equalTo("SECONDARY"))
                .body("region.cityCode", equalTo("350900"))
                .body("region.countyCode", equalTo("350921"))
                .body("pairings.partnerCode", hasItem("NDXP-THC01"))
                .body("pairings.kind", hasItem("TOWNSHIP_PAIRING"));
    }

    @Test
    void theSeedHoldsTheNingdeRegion() {
        List<String> names = Callers.asHospital()
                .queryParam("limit", "200")
                .when()
                .get("/v1/institutions")
                .then()
                .statusCode(200)
                .body("items", hasSize(greaterThanOrEqualTo(36)))
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath()
                .getList("items.name", String.class);

        assertThat(names)
                .contains(
                        "宁德市医院",
                        "闽东医院",
                        "霞浦县医院",
                        "古田县医院",
                        "福安市医院",
                        "福鼎市医院",
                        "宁德市中医院",
                        "宁德市卫生健康委员会",
                        "宁德市医疗保障局",
                        "宁德市市场监督管理局",
                        "宁德市医疗保障基金中心",
                        "福建省立医院",
                        "宁德市卫生健康信息中心");
        Callers.asHospital()
                .queryParam("type", "VILLAGE_CLINIC")
                .when()
                .get("/v1/institutions")
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("items.level", not(hasItem(not("GRASSROOTS"))));
        Callers.asHospital()
                .when()
                .get("/v1/institutions/FJ-H01")
                .then()
                .statusCode(200)
                .body("pairings[0].partnerCode", equalTo("NDGT-H01"))
                .body("pairings[0].kind", equalTo("COUNTERPART_SUPPORT"))
                .body("pairings[0].validTo", equalTo("2026-01-01"));
    }

    @Test
    void filtersCombineAndPagesAreBounded() {
        Callers.asHospital()
                .queryParam("countyCode", "350921")
                .queryParam("level", "GRASSROOTS")
                .when()
                .get("/v1/institutions")
                .then()
                .statusCode(200)
                .body("items", hasSize(6))
                .body("items.code", hasItem("NDXP-EC01"))
                .body("items.code", not(hasItem("NDXP-H01")));
    }

    @Test
    void cursorsWalkEveryInstitutionOnceInCodeOrder() {
        List<String> all = Callers.asHospital()
                .queryParam("limit", "200")
                .get("/v1/institutions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.code", String.class);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Callers.asHospital().queryParam("limit", "7");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/institutions")
                    .then()
                    .statusCode(200)
                    .body("items.size()", lessThanOrEqualTo(7))
                    .extract()
                    .jsonPath();
            walked.addAll(page.getList("items.code", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(walked)
                .containsExactlyElementsOf(all)
                .doesNotHaveDuplicates()
                .isSorted();
        assertThat(pages).isEqualTo((all.size() + 6) / 7);
    }

    @Test
    void theGroupFilterJudgesMembershipOnTheGivenDate() {
        // 霞浦县社会福利中心 (医养结合 pilot) joined the 霞浦 医共体 on 2023-07-01.
        Callers.asHospital()
                .queryParam("group", "GRP-XP-YGT")
                .queryParam("on", "2023-06-30")
                .when()
                .get("/v1/institutions")
                .then()
                .statusCode(200)
                .body("items", hasSize(7))
                .body("items.code", not(hasItem("NDXP-EC01")));
        Callers.asHospital()
                .queryParam("group", "GRP-XP-YGT")
                .queryParam("on", "2023-07-01")
                .when()
                .get("/v1/institutions")
                .then()
                .statusCode(200)
                .body("items", hasSize(8))
                .body("items.code", hasItem("NDXP-EC01"));
    }

    @Test
    void groupsOfAnInstitutionFollowTheEffectiveDates() {
        // 霞浦县医院 moved from the 闽东医院 group to the 宁德市医院 group on 2023-01-01.
        Callers.asHospital()
                .queryParam("on", "2022-06-01")
                .when()
                .get("/v1/institutions/NDXP-H01/groups")
                .then()
                .statusCode(200)
                .body("groupId", equalTo(List.of("GRP-ND-MD", "GRP-XP-YGT")))
                .body("role", equalTo(List.of("MEMBER", "LEAD")))
                .body("[0].validTo", equalTo("2023-01-01"));
        Callers.asHospital()
                .when()
                .get("/v1/institutions/NDXP-H01/groups")
                .then()
                .statusCode(200)
                .body("groupId", equalTo(List.of("GRP-ND-SY", "GRP-XP-YGT")))
                .body("[0].validTo", nullValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "type=CLINIC",
                "level=high",
                "countyCode=3509",
                "on=2023-13-01",
                "limit=0",
                "limit=201",
                "limit=two",
                "cursor=not-a-cursor",
                "cursor=bm90LWEtY3Vyc29y",
                "active=yes"
            })
    void malformedQueryParametersAre400NamingTheParameter(String query) {
        String name = query.substring(0, query.indexOf('='));
        Callers.asHospital()
                .when()
                .get("/v1/institutions?" + query)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0001"))
                .body("errors[0].field", equalTo(name));
    }

    @Test
    void anAdminCreatesThenReplacesAnInstitutionAsNewVersions() {
        String code = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县测试医院", "GENERAL_HOSPITAL", "SECONDARY"))
                .when()
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/institutions/" + code))
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("code", equalTo(code));

        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body(Callers.institutionBody("周宁县测试医院（新院区）", "GENERAL_HOSPITAL", "TERTIARY"))
                .when()
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("level", equalTo("TERTIARY"));

        Callers.asHospital()
                .when()
                .get("/v1/institutions/" + code + "/history")
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of(2, 1)))
                .body("[0].snapshot.name", equalTo("周宁县测试医院（新院区）"))
                .body("[1].snapshot.level", equalTo("SECONDARY"))
                .body("[0].changedBySubject", equalTo(TestTokens.DEFAULT_SUBJECT))
                .body("[0].changedByInstitution", equalTo(Callers.OPERATOR));
    }

    @Test
    void anIdenticalReplaceCreatesNoVersion() {
        String code = Callers.freshCode("ZN");
        String body = Callers.institutionBody("周宁县测试卫生院", "TOWNSHIP_HEALTH_CENTER", "GRASSROOTS");
        Callers.asAdmin().body(body).put("/v1/institutions/" + code).then().statusCode(201);

        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body(body)
                .when()
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        Callers.asAdmin().get("/v1/institutions/" + code + "/history").then().body("", hasSize(1));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String code = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县测试医院", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(201);
        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body(Callers.institutionBody("第二次修改", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));

        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body(Callers.institutionBody("基于旧版本的修改", "GENERAL_HOSPITAL", "SECONDARY"))
                .when()
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0016"))
                .body("type", equalTo("urn:sanyi:problem:precondition-failed"))
                .body("detail", containsString("at version \"2\""));
        Callers.asAdmin()
                .body(Callers.institutionBody("没有带版本的修改", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0017"))
                .body("detail", containsString("\"2\""));
        Callers.asAdmin()
                .header("If-Match", "W/\"2\"")
                .body(Callers.institutionBody("弱标签", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(412)
                .body("code", equalTo("PLT-0016"));
        Callers.asHospital()
                .get("/v1/institutions/" + code)
                .then()
                .body("name", equalTo("第二次修改"))
                .body("version", equalTo(2));
    }

    @Test
    void ifMatchOnAMissingInstitutionIs412AndGarbageIs400() {
        Callers.asAdmin()
                .header("If-Match", "*")
                .body(Callers.institutionBody("不存在", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(412)
                .body("code", equalTo("PLT-0016"));
        Callers.asAdmin()
                .header("If-Match", "\"abc\"")
                .body(Callers.institutionBody("不存在", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(400)
                .body("code", equalTo("PLT-0001"))
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void aHospitalMayNotWrite() {
        Callers.asHospital()
                .body(Callers.institutionBody("越权", "GENERAL_HOSPITAL", "SECONDARY"))
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0006"))
                .body("status", equalTo(403));
    }

    @Test
    void noTokenIs401() {
        given().when()
                .get("/v1/institutions")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("PLT-0005"));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        String forged = TestTokens.mint("NDXP-H01", TestTokens.PLATFORM_ADMIN);
        String[] parts = forged.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        // The genuine token goes first, so it is remembered as verified: the tampered one must still be refused.
        given().auth().oauth2(forged).when().get("/v1/institutions").then().statusCode(200);

        given().auth()
                .oauth2(tampered)
                .when()
                .get("/v1/institutions")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"坏的\", ", "{\"name\": nope}"})
    void malformedJsonIs400(String body) {
        Callers.asAdmin()
                .body(body)
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("code", equalTo("PLT-0002"))
                .body("detail", not(containsString("Unexpected")));
    }

    @Test
    void aFieldOfTheWrongTypeIs400NamingIt() {
        Callers.asAdmin()
                .body(
                        """
                        {"name": "周宁县测试医院", "type": "GENERAL_HOSPITAL", "level": "SECONDARY",
                         "ownership": "GOVERNMENT", "region": "350925", "active": true}""")
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0003"))
                .body("errors[0].field", equalTo("region"));
    }

    @Test
    void anUnknownEnumValueIs400NamingTheFieldAndTheAllowedValues() {
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县测试诊所", "PRIVATE_CLINIC", "PRIMARY"))
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0003"))
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("TOWNSHIP_HEALTH_CENTER"));
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        Callers.asAdmin()
                .body(
                        """
                        {"name": "周宁县测试医院", "type": "GENERAL_HOSPITAL", "level": "SECONDARY",
                         "ownership": "GOVERNMENT", "region": {"provinceCode": "350000", "cityCode": "350900",
                         "countyCode": "350925", "village": "x"}, "active": true}""")
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("region.village"));
    }

    @Test
    void missingFieldsAre400NamingEachOne() {
        Callers.asAdmin()
                .body(
                        """
                        {"type": "GENERAL_HOSPITAL", "level": "SECONDARY", "ownership": "GOVERNMENT",
                         "region": {"provinceCode": "350000", "cityCode": "350900"}, "active": true}""")
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0001"))
                .body("errors.field", equalTo(List.of("name", "region.countyCode")));
    }

    @Test
    void aMalformedCodeInThePathIs400() {
        Callers.asAdmin()
                .body(Callers.institutionBody("小写代码", "GENERAL_HOSPITAL", "SECONDARY"))
                .when()
                .put("/v1/institutions/lower-case")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"name\": \"" + "医".repeat(400_000) + "\"}";
        Callers.asAdmin()
                .body(huge)
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0011"));
    }

    @Test
    void anUnknownRouteIs404Problem() {
        Callers.asHospital()
                .when()
                .get("/v1/hospitals")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0007"));
    }

    @Test
    void anUnknownInstitutionIs404WithItsOwnCode() {
        Callers.asHospital()
                .when()
                .get("/v1/institutions/NO-SUCH-CODE")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("DIR-0001"));
    }

    @Test
    void aLevelThatDoesNotFitTheTypeIs422() {
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县医保局", "HEALTHCARE_SECURITY_BUREAU", "SECONDARY"))
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(422)
                .body("code", equalTo("DIR-0005"))
                .body("errors[0].field", equalTo("level"));
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县测试医院", "GENERAL_HOSPITAL", "NOT_APPLICABLE"))
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(422)
                .body("code", equalTo("DIR-0005"));
    }

    @Test
    void regionCodesMustNest() {
        Callers.asAdmin()
                .body(
                        """
                        {"name": "错位的医院", "type": "GENERAL_HOSPITAL", "level": "SECONDARY", "ownership": "GOVERNMENT",
                         "region": {"provinceCode": "350000", "cityCode": "350900", "countyCode": "350102"},
                         "active": true}""")
                .when()
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(422)
                .body("code", equalTo("DIR-0010"))
                .body("errors[0].field", equalTo("region.countyCode"));
    }

    @Test
    void pairingsAreReplacedAsANewVersionAndCheckedAgainstTheirPartners() {
        String hospital = Callers.freshCode("ZN");
        String township = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县测试医院", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + hospital)
                .then()
                .statusCode(201);
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县测试卫生院", "TOWNSHIP_HEALTH_CENTER", "GRASSROOTS"))
                .put("/v1/institutions/" + township)
                .then()
                .statusCode(201);

        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body(
                        """
                        {"pairings": [{"partnerCode": "%s", "kind": "TOWNSHIP_PAIRING", "validFrom": "2024-01-01"}]}"""
                                .formatted(township))
                .when()
                .put("/v1/institutions/" + hospital + "/pairings")
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("pairings[0].partnerCode", equalTo(township))
                .body("pairings[0].validTo", nullValue());

        // 包村 needs a village clinic as partner.
        Callers.asAdmin()
                .header("If-Match", "\"2\"")
                .body(
                        """
                        {"pairings": [{"partnerCode": "%s", "kind": "VILLAGE_PAIRING", "validFrom": "2024-01-01"}]}"""
                                .formatted(township))
                .put("/v1/institutions/" + hospital + "/pairings")
                .then()
                .statusCode(422)
                .body("code", equalTo("DIR-0008"))
                .body("errors[0].field", equalTo("pairings[0].kind"));
        Callers.asAdmin()
                .header("If-Match", "\"2\"")
                .body(
                        """
                        {"pairings": [{"partnerCode": "ZN-NOBODY", "kind": "COUNTERPART_SUPPORT",
                                       "validFrom": "2024-01-01"}]}""")
                .put("/v1/institutions/" + hospital + "/pairings")
                .then()
                .statusCode(422)
                .body("code", equalTo("DIR-0004"));
        Callers.asAdmin()
                .header("If-Match", "\"2\"")
                .body(
                        """
                        {"pairings": [
                          {"partnerCode": "%1$s", "kind": "TOWNSHIP_PAIRING", "validFrom": "2024-01-01"},
                          {"partnerCode": "%1$s", "kind": "TOWNSHIP_PAIRING", "validFrom": "2025-01-01"}]}"""
                                .formatted(township))
                .put("/v1/institutions/" + hospital + "/pairings")
                .then()
                .statusCode(422)
                .body("code", equalTo("DIR-0006"))
                .body("errors[0].field", equalTo("pairings[1].validFrom"));
        Callers.asAdmin()
                .header("If-Match", "\"2\"")
                .body(
                        """
                        {"pairings": [{"partnerCode": "%s", "kind": "TOWNSHIP_PAIRING", "validFrom": "2024-01-01",
                                       "validTo": "2023-01-01"}]}"""
                                .formatted(township))
                .put("/v1/institutions/" + hospital + "/pairings")
                .then()
                .statusCode(422)
                .body("code", equalTo("DIR-0011"));
        Callers.asAdmin()
                .header("If-Match", "\"2\"")
                .body("{\"pairings\": [{\"kind\": \"TOWNSHIP_PAIRING\", \"validFrom\": \"2024-01-01\"}]}")
                .put("/v1/institutions/" + hospital + "/pairings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("pairings[0].partnerCode"));

        Callers.asHospital()
                .get("/v1/institutions/" + hospital)
                .then()
                .body("version", equalTo(2))
                .body("pairings", hasSize(1));
    }

    @Test
    void pairingsOfAnUnknownInstitutionAre404() {
        Callers.asAdmin()
                .body("{\"pairings\": []}")
                .when()
                .put("/v1/institutions/NO-SUCH-CODE/pairings")
                .then()
                .statusCode(404)
                .body("code", equalTo("DIR-0001"));
    }
}
