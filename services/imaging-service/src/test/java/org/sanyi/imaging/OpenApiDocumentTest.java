package org.sanyi.imaging;

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
 * <pre>./mvnw -B -pl services/imaging-service test -Dtest=OpenApiDocumentTest -Dsanyi.openapi.write=true</pre>
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    private static final String SERVICE = "imaging-service";

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
                .contains("/v1/studies:")
                .contains("/v1/study-batches:")
                .contains("/v1/dicom-registrations:")
                .contains("/v1/study-searches:")
                .contains("/v1/studies/{uid}/reading-requests:")
                .contains("/v1/studies/{uid}/report:")
                .contains("/v1/studies/{uid}/retrieval-tickets:")
                .contains("/v1/consents:")
                .contains("/v1/disclosures:")
                .contains("/v1/break-glass-accesses:")
                .contains("/v1/imaging/statistics:")
                .contains("/v1/source-polls:")
                .contains("/dicomweb/studies:")
                .contains("/dicomweb/studies/{study}/series:")
                .contains("/dicomweb/series:")
                .contains("application/dicom+json")
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
