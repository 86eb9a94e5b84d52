package org.sanyi.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.SanyiTestInfrastructure;

/**
 * The OpenAPI document integrators read is committed; this fails when the code has moved on. Regenerate with {@code
 * ./mvnw -pl services/directory-service verify -Dtest=OpenApiDocumentTest -Dsanyi.openapi.write=true}.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("../../docs/api/directory-service-openapi.yaml");

    @Test
    void theCommittedDocumentMatchesTheCode() throws Exception {
        String generated = given().queryParam("format", "yaml")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (Boolean.getBoolean("sanyi.openapi.write")) {
            Files.writeString(COMMITTED, generated);
        }

        assertThat(generated)
                .contains("/v1/institutions/{code}:")
                .contains("/v1/groups/{id}/memberships:")
                .contains("/v1/admin/republish:")
                .contains("application/problem+json")
                .contains("霞浦县医院");
        assertThat(COMMITTED).exists();
        assertThat(Files.readString(COMMITTED))
                .as("docs/api/directory-service-openapi.yaml is stale; regenerate it (see this test's Javadoc)")
                .isEqualTo(generated);
    }
}
