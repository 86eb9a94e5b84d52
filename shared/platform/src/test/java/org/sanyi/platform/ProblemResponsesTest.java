package org.sanyi.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestTokens;

/** Bad input and bad credentials are answered with RFC 9457 problems: stable type and code, no stack trace. */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ProblemResponsesTest {

    private static final String VALID = "{\"name\":\"x\",\"count\":2,\"nested\":{\"code\":\"A\"}}";

    private static String hospital() {
        return "Bearer " + TestTokens.mint("H-0001", TestTokens.HOSPITAL);
    }

    private static ValidatableResponse post(String body) {
        return given().header("Authorization", hospital())
                .contentType("application/json")
                .body(body)
                .post("/v1/probe/echo")
                .then();
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", containsString("urn:sanyi:problem:"))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.sanyi")));
    }

    @Test
    void aValidRequestPasses() {
        post(VALID).statusCode(200).body("institution", equalTo("H-0001"));
    }

    @Test
    void malformedJsonIsMalformedBody() {
        assertProblem(post("{\"name\": \"x\", "), 400, "PLT-0002");
    }

    @Test
    void aWrongTypeNamesTheField() {
        assertProblem(post("{\"name\":\"x\",\"count\":\"many\",\"nested\":{\"code\":\"A\"}}"), 400, "PLT-0003")
                .body("errors.field", hasItem("count"));
    }

    @Test
    void missingFieldsAreListed() {
        assertProblem(post("{\"count\":0,\"nested\":{}}"), 400, "PLT-0001")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("count"))
                .body("errors.field", hasItem("nested.code"));
    }

    @Test
    void anUnknownFieldIsRejectedByName() {
        assertProblem(post("{\"name\":\"x\",\"count\":2,\"nested\":{\"code\":\"A\"},\"extra\":1}"), 400, "PLT-0003")
                .body("errors.field", hasItem("extra"));
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"name\":\"" + "x".repeat(5000) + "\",\"count\":2,\"nested\":{\"code\":\"A\"}}";
        assertProblem(post(big), 413, "PLT-0011");
    }

    @Test
    void noTokenIs401WithBearerChallenge() {
        assertProblem(
                        given().contentType("application/json")
                                .body(VALID)
                                .post("/v1/probe/echo")
                                .then(),
                        401,
                        "PLT-0005")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aForgedTokenIs401() {
        String forged = TestTokens.mint("H-0001", TestTokens.HOSPITAL);
        String tampered = forged.substring(0, forged.length() - 4) + "AAAA";
        assertProblem(
                given().header("Authorization", "Bearer " + tampered)
                        .contentType("application/json")
                        .body(VALID)
                        .post("/v1/probe/echo")
                        .then(),
                401,
                "PLT-0005");
    }

    @Test
    void aDeadlockIsA503WithRetryAfterNotA500() {
        assertProblem(given().get("/v1/probe/deadlock").then().header("Retry-After", "5"), 503, "PLT-0014");
    }

    @Test
    void theWrongRoleIs403() {
        assertProblem(
                given().header("Authorization", hospital())
                        .get("/v1/probe/admin-only")
                        .then(),
                403,
                "PLT-0006");
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        assertProblem(
                given().header("Authorization", hospital())
                        .get("/v1/nothing-here")
                        .then(),
                404,
                "PLT-0007");
        assertProblem(
                given().header("Authorization", hospital())
                        .delete("/v1/probe/echo")
                        .then(),
                405,
                "PLT-0008");
    }

    @Test
    void aWrongContentTypeIs415() {
        assertProblem(
                given().header("Authorization", hospital())
                        .contentType("text/plain")
                        .body("hello")
                        .post("/v1/probe/echo")
                        .then(),
                415,
                "PLT-0012");
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void problemCodesAndTypesAreUnique() {
        assertThat(ProblemCatalogue.all()).isNotEmpty();
        assertThat(ProblemCatalogue.duplicates()).isEmpty();
        assertThat(ProblemCatalogue.all())
                .allSatisfy(type -> assertThat(type.code()).matches("[A-Z]{3}-\\d{4}"));
    }
}
