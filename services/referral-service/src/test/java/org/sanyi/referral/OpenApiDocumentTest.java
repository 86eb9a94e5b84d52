package org.sanyi.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.SanyiTestInfrastructure;

/**
 * The committed contract must be what the service serves. After an intended API change, regenerate it with
 *
 * <pre>./mvnw -B -pl services/referral-service test -Dtest=OpenApiDocumentTest -Dsanyi.openapi.write=true</pre>
 *
 * and commit docs/api/referral-service-openapi.yaml with the change.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("../../docs/api/referral-service-openapi.yaml");

    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        byte[] body = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String served = new String(body, StandardCharsets.UTF_8);

        if (Boolean.getBoolean("sanyi.openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }

        assertThat(COMMITTED).exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/api/referral-service-openapi.yaml is out of date; regenerate it with"
                        + " ./mvnw -B -pl services/referral-service test -Dtest=OpenApiDocumentTest"
                        + " -Dsanyi.openapi.write=true")
                .isEqualTo(served);
    }

    @Test
    void theDocumentDescribesEveryReferralOperation() {
        String served = given().queryParam("format", "yaml").get("/q/openapi").asString();
        assertThat(served)
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
}
