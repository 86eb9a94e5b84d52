package org.sanyi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiContractTest {

    private static final String PROBLEM =
            """
                      content:
                        application/problem+json:
                          schema:
                            type: object
                          examples:
                            PLT-0007:
                              value: {code: PLT-0007}
            """;

    @TempDir
    Path folder;

    @Test
    void aDocumentThatKeepsTheConventionsHasNoProblems() throws Exception {
        assertThat(OpenApiContract.problems(write(
                        """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                servers:
                - url: /
                paths:
                  /v1/things/{id}:
                    get:
                      operationId: getThingsById
                      parameters:
                      - {name: id, in: path, required: true, schema: {type: string}}
                      responses:
                        "200":
                          description: OK
                          headers:
                            ETag:
                              schema: {type: string}
                        "404":
                          description: none
                """
                                + PROBLEM)))
                .isEmpty();
    }

    @Test
    void whatLintersAndGeneratorsTripOverIsReported() throws Exception {
        assertThat(
                        OpenApiContract.problems(
                                write(
                                        """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                paths:
                  /v1/things/{id}:
                    put:
                      parameters:
                      - {name: id, in: path, required: true, schema: {type: string}}
                      - {name: If-Match, in: header}
                      responses:
                        "200":
                          description: OK
                          headers:
                            ETag:
                              description: no schema
                        "409":
                          description: no problem content
                """)))
                .contains(
                        "no servers",
                        "PUT /v1/things/{id}: no operationId",
                        "PUT /v1/things/{id}: parameter If-Match has no schema",
                        "PUT /v1/things/{id}: no 404 response",
                        "PUT /v1/things/{id}: no 412 response",
                        "PUT /v1/things/{id}: no 428 response",
                        "PUT /v1/things/{id} 200: header ETag has no schema",
                        "PUT /v1/things/{id} 409: no application/problem+json schema");
    }

    @Test
    void parserMessagesAreProblemsToo() throws Exception {
        assertThat(
                        OpenApiContract.problems(
                                write(
                                        """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                servers:
                - url: /
                paths:
                  /v1/things:
                    get:
                      operationId: getThings
                      responses:
                        "200":
                          $ref: "#/components/responses/Missing"
                """)))
                .anyMatch(problem -> problem.startsWith("parser: "));
    }

    private Path write(String yaml) throws Exception {
        Path file = folder.resolve("openapi.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
