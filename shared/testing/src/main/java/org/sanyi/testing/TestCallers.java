package org.sanyi.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * RestAssured requests as a caller of the service under test: a {@link TestTokens} bearer token, a JSON body, and an
 * {@code Accept} that takes both answers and RFC 9457 problems.
 *
 * <pre>{@code TestCallers.as("NDXP-H01", TestTokens.HOSPITAL).get("/v1/referrals").then().statusCode(200);}</pre>
 */
public final class TestCallers {

    /** What every test client accepts: the resource or a problem, never an HTML error page. */
    public static final String ACCEPT = "application/json, application/problem+json";

    private TestCallers() {}

    /** A request by {@value TestTokens#DEFAULT_SUBJECT} of {@code institutionCode}, in {@code role}. */
    public static RequestSpecification as(String institutionCode, String role) {
        return withToken(TestTokens.mint(institutionCode, role));
    }

    /** A request by the user {@code subject} of {@code institutionCode}, in {@code role}. */
    public static RequestSpecification as(String institutionCode, String role, String subject) {
        return withToken(TestTokens.mint(institutionCode, role, subject));
    }

    /** A request with a token the test made itself, for example an expired or forged one. */
    public static RequestSpecification withToken(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ACCEPT);
    }
}
