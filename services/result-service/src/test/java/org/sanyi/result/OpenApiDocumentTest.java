package org.sanyi.result;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.OpenApiContract;
import org.sanyi.testing.SanyiTestInfrastructure;

/**
 * The committed contract must be what the service serves. After an intended API change, regenerate it with
 *
 * <pre>./mvnw -B -pl services/result-service test -Dtest=OpenApiDocumentTest -Dsanyi.openapi.write=true</pre>
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    private static final String SERVICE = "result-service";

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
    void theDocumentDescribesEveryOperation() {
        assertThat(served())
                .contains("/v1/results:")
                .contains("/v1/result-batches:")
                .contains("/v1/results/{id}/withdraw:")
                .contains("/v1/recognition-checks/{id}/decisions:")
                .contains("/v1/recognition-items/{code}:")
                .contains("/v1/quality-statuses:")
                .contains("/v1/recognition-policies:")
                .contains("/v1/recognition/statistics:")
                .contains("/v1/repeat-exams:")
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
