package org.sanyi.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.OpenApiContract;
import org.sanyi.testing.SanyiTestInfrastructure;

/**
 * The OpenAPI document integrators read is committed and must be what the service serves, fit for a linter and a
 * client generator. After an intended API change, regenerate it with
 *
 * <pre>./mvnw -B -pl services/directory-service test -Dtest=OpenApiDocumentTest -Dsanyi.openapi.write=true</pre>
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    private static final String SERVICE = "directory-service";

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
    void theDocumentDescribesTheDirectory() {
        assertThat(served())
                .contains("/v1/institutions/{code}:")
                .contains("/v1/groups/{id}/memberships:")
                .contains("/v1/admin/republish:")
                .contains("application/problem+json")
                .contains("霞浦县医院");
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
