package org.sanyi.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestCallers;
import org.sanyi.testing.TestTokens;
import org.sanyi.tokens.TokenRequest;

/**
 * What the platform checks at the door, seen through the directory: strict JSON, control characters, chunked body
 * limits, and callers whose token or institution does not qualify. Nothing refused is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class StrictInputTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @TestHTTPResource("/v1/institutions/")
    URI institutions;

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\ud800"})
    void aControlCharacterInAnyStringIs400NamingTheField(String escaped) {
        String code = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县" + escaped + "测试医院", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0018"))
                .body("type", equalTo("urn:sanyi:problem:forbidden-character"))
                .body("errors[0].field", equalTo("name"));
        Callers.asHospital().get("/v1/institutions/" + code).then().statusCode(404);
    }

    @Test
    void tabAndLineBreaksAreText() {
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县\\t测试\\r\\n医院", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(201)
                .body("name", equalTo("周宁县\t测试\r\n医院"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"1\""})
    void anEnumOrdinalIsNotAnEnum(String level) {
        String body = Callers.institutionBody("周宁县测试医院", "GENERAL_HOSPITAL", "SECONDARY")
                .replace("\"level\": \"SECONDARY\"", "\"level\": " + level);
        assertThat(body).contains("\"level\": " + level);
        Callers.asAdmin()
                .body(body)
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0003"))
                .body("errors[0].field", equalTo("level"));
    }

    @Test
    void aDuplicateKeyIs400NamingIt() {
        String body = Callers.institutionBody("周宁县测试医院", "GENERAL_HOSPITAL", "SECONDARY")
                .replace("{\"name\"", "{\"name\": \"另一个名字\", \"name\"");
        Callers.asAdmin()
                .body(body)
                .put("/v1/institutions/" + Callers.freshCode("ZN"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0002"))
                .body("detail", containsString("name"));
    }

    @Test
    void trailingContentAfterTheDocumentIs400() {
        String code = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县测试医院", "GENERAL_HOSPITAL", "SECONDARY") + " {\"name\": \"x\"}")
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0002"));
        Callers.asHospital().get("/v1/institutions/" + code).then().statusCode(404);
    }

    @Test
    void aChunkedBodyAboveTheLimitIs413() throws Exception {
        byte[] huge = ("{\"name\": \"" + "医".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String code = Callers.freshCode("ZN");
        HttpRequest request = HttpRequest.newBuilder(institutions.resolve(code))
                .header("Authorization", "Bearer " + TestTokens.mint(Callers.OPERATOR, TestTokens.PLATFORM_ADMIN))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                // An input stream has no length, so the client sends it chunked, without Content-Length.
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("PLT-0011").doesNotContain("Exception");
    }

    @Test
    void aCallerWhoseInstitutionIsNotInTheDirectoryIs403() {
        TestCallers.as("ZZ-NOBODY", TestTokens.HOSPITAL)
                .get("/v1/institutions/NDXP-H01")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PLT-0019"))
                .body("detail", containsString("ZZ-NOBODY"));
    }

    @Test
    void aCallerWhoseInstitutionWasDeactivatedIs403() {
        String code = Callers.freshCode("ZN");
        String body = Callers.institutionBody("周宁县将停用医院", "GENERAL_HOSPITAL", "SECONDARY");
        Callers.asAdmin().body(body).put("/v1/institutions/" + code).then().statusCode(201);
        TestCallers.as(code, TestTokens.HOSPITAL)
                .get("/v1/institutions/NDXP-H01")
                .then()
                .statusCode(200);

        Callers.asAdmin()
                .header("If-Match", "\"1\"")
                .body(body.replace("\"active\": true", "\"active\": false"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(200);

        TestCallers.as(code, TestTokens.HOSPITAL)
                .get("/v1/institutions/NDXP-H01")
                .then()
                .statusCode(403)
                .body("code", equalTo("PLT-0019"));
    }

    @Test
    void theExchangesOwnActorNamesAreNotInstitutions() {
        TestCallers.as("SANYI-PLATFORM", TestTokens.PLATFORM_ADMIN)
                .get("/v1/institutions")
                .then()
                .statusCode(401)
                .body("code", equalTo("PLT-0005"));
    }

    @Test
    void aTokenForAnotherServiceIs401() {
        TestCallers.withToken(TestTokens.mint("NDXP-H01", TestTokens.HOSPITAL, "dr-chen", List.of("referral-service")))
                .get("/v1/institutions")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aTokenLivingLongerThanAShiftIs401() {
        TokenRequest longLived = TokenRequest.of(
                        "NDXP-H01", TestTokens.HOSPITAL, "dr-chen", List.of(TestTokens.applicationName()))
                .withLifetime(Duration.ofHours(9));
        TestCallers.withToken(TestTokens.mint(longLived))
                .get("/v1/institutions")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aTokenWithTwoRolesIs401() {
        JwtClaims claims = claims("NDXP-H01");
        claims.setStringListClaim("groups", List.of(TestTokens.HOSPITAL, TestTokens.REGULATOR));
        TestCallers.withToken(TestTokens.signClaims(claims))
                .get("/v1/institutions")
                .then()
                .statusCode(401)
                .body("code", equalTo("PLT-0005"))
                .body("detail", containsString("exactly one role"));
    }

    @Test
    void anInstitutionClaimThatIsNotAStringIs401() {
        JwtClaims claims = claims("NDXP-H01");
        claims.setClaim("org", List.of("NDXP-H01", "ND-H01"));
        TestCallers.withToken(TestTokens.signClaims(claims))
                .get("/v1/institutions")
                .then()
                .statusCode(401)
                .body("code", equalTo("PLT-0005"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aTokenWithoutASubjectIs401() {
        JwtClaims claims = claims("NDXP-H01");
        claims.unsetClaim("sub");
        TestCallers.withToken(TestTokens.signClaims(claims))
                .get("/v1/institutions")
                .then()
                .statusCode(401);
    }

    private static JwtClaims claims(String institution) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestTokens.ISSUER);
        claims.setSubject("dr-chen");
        claims.setAudience(TestTokens.applicationName());
        claims.setClaim("org", institution);
        claims.setStringListClaim("groups", List.of(TestTokens.HOSPITAL));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(30);
        return claims;
    }
}
