package org.sanyi.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.OpenApiContract;
import org.sanyi.testing.SanyiTestInfrastructure;

/**
 * The committed contract must be what the service serves, fit for a linter and a client generator. After an
 * intended API change, regenerate it with
 *
 * <pre>./mvnw -B -pl services/referral-service test -Dtest=OpenApiDocumentTest -Dsanyi.openapi.write=true</pre>
 *
 * and commit docs/api/referral-service-openapi.yaml with the change.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    private static final String SERVICE = "referral-service";

    @Test
    void theCommittedDocumentIsTheServedOne() {
        OpenApiContract.assertCommitted(SERVICE, served());
    }

    @Test
    void theCommittedDocumentParsesWithoutAMessageAndKeepsTheConventions() {
        assertThat(OpenApiContract.problems(OpenApiContract.committedDocument(SERVICE)))
                .isEmpty();
    }

    @Test
    void theDocumentDescribesEveryReferralOperation() {
        assertThat(served())
                .contains("/v1/referrals/{id}/review:")
                .contains("/v1/referrals/{id}/accept:")
                .contains("/v1/referrals/{id}/reject:")
                .contains("/v1/referrals/{id}/arrive:")
                .contains("/v1/referrals/{id}/complete:")
                .contains("/v1/referrals/{id}/cancel:")
                .contains("/v1/referrals/statistics:")
                .contains("Idempotency-Key")
                .contains("application/problem+json");
    }

    private static String served() {
        byte[] body = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        return new String(body, StandardCharsets.UTF_8);
    }
}
