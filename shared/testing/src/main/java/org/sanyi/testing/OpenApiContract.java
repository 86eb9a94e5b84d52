package org.sanyi.testing;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract check every service runs on its OpenAPI document: the committed file under {@code docs/api/} is what
 * the service serves (drift), a maintained parser (swagger-parser) reads it without a single error or warning, and
 * it keeps the exchange's conventions that linters and client generators rely on. Regenerate a stale file by
 * running the service's {@code OpenApiDocumentTest} with {@code -Dsanyi.openapi.write=true}.
 */
public final class OpenApiContract {

    /** Set to {@code true} to overwrite the committed document with the served one before comparing. */
    public static final String WRITE_PROPERTY = "sanyi.openapi.write";

    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private OpenApiContract() {}

    /** The committed document of {@code service} ({@code docs/api/<service>-openapi.yaml}), from its module. */
    public static Path committedDocument(String service) {
        return Path.of("../../docs/api/" + service + "-openapi.yaml");
    }

    /**
     * Fails unless the committed document of {@code service} equals {@code served}; with {@code
     * -Dsanyi.openapi.write=true} it first writes {@code served} there.
     */
    public static void assertCommitted(String service, String served) {
        Path committed = committedDocument(service);
        try {
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.writeString(committed, served, StandardCharsets.UTF_8);
            }
            if (!Files.exists(committed)) {
                throw new AssertionError(committed + " is missing; " + regenerate(service));
            }
            String onDisk = Files.readString(committed, StandardCharsets.UTF_8);
            if (!onDisk.equals(served)) {
                throw new AssertionError("docs/api/" + service + "-openapi.yaml is out of date; " + regenerate(service)
                        + firstDifference(onDisk, served));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything wrong with the document at {@code file}: each message of the parser (errors and warnings alike),
     * then each break of the conventions. Empty when the document is fit to publish.
     */
    public static List<String> problems(Path file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result =
                new OpenAPIV3Parser().readLocation(file.toAbsolutePath().toUri().toString(), null, options);
        List<String> problems = new ArrayList<>();
        if (result.getMessages() != null) {
            result.getMessages().forEach(message -> problems.add("parser: " + message));
        }
        if (result.getOpenAPI() == null) {
            problems.add("parser: no document could be read from " + file);
            return problems;
        }
        problems.addAll(conventionBreaks(result.getOpenAPI()));
        // The parser invents a server "/" when there is none, so this one is read from the file itself.
        try {
            if (Yaml.mapper().readTree(file.toFile()).path("servers").isEmpty()) {
                problems.add("no servers");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** The exchange's conventions, on a fully resolved document. */
    static List<String> conventionBreaks(OpenAPI document) {
        List<String> breaks = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        if (document.getPaths() == null) {
            return breaks;
        }
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                breaks.add(where + ": no operationId");
            } else if (!operationIds.add(operation.getOperationId())) {
                breaks.add(where + ": operationId " + operation.getOperationId() + " is used twice");
            }
            parameters(item, operation).stream()
                    .filter(p -> p.getSchema() == null && p.getContent() == null)
                    .forEach(p -> breaks.add(where + ": parameter " + p.getName() + " has no schema"));
            Map<String, ApiResponse> responses = operation.getResponses() == null ? Map.of() : operation.getResponses();
            for (String status : requiredStatuses(document, path, item, operation)) {
                if (!responses.containsKey(status)) {
                    breaks.add(where + ": no " + status + " response");
                }
            }
            responses.forEach((status, response) -> {
                if (response.getHeaders() != null) {
                    response.getHeaders().forEach((name, header) -> {
                        if (header.getSchema() == null && header.getContent() == null) {
                            breaks.add(where + " " + status + ": header " + name + " has no schema");
                        }
                    });
                }
                if (status.startsWith("4") || status.startsWith("5")) {
                    MediaType problem = response.getContent() == null
                            ? null
                            : response.getContent().get(PROBLEM_MEDIA_TYPE);
                    if (problem == null || problem.getSchema() == null) {
                        breaks.add(where + " " + status + ": no " + PROBLEM_MEDIA_TYPE + " schema");
                    } else if ((problem.getExamples() == null
                                    || problem.getExamples().isEmpty())
                            && problem.getExample() == null) {
                        breaks.add(where + " " + status + ": no problem example");
                    }
                }
            });
        }));
        return breaks;
    }

    /** The problem responses an operation must document, from what it declares. */
    private static List<String> requiredStatuses(OpenAPI document, String path, PathItem item, Operation operation) {
        List<String> statuses = new ArrayList<>();
        boolean secured = operation.getSecurity() != null
                ? !operation.getSecurity().isEmpty()
                : document.getSecurity() != null && !document.getSecurity().isEmpty();
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        boolean ifMatch = parameters(item, operation).stream()
                .anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));
        if (ifMatch) {
            statuses.add("412");
            statuses.add("428");
        }
        return statuses;
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        return parameters;
    }

    private static String regenerate(String service) {
        return "regenerate it with ./mvnw -B -pl services/" + service + " test -Dtest=OpenApiDocumentTest -D"
                + WRITE_PROPERTY + "=true and commit it with the change";
    }

    private static String firstDifference(String committed, String served) {
        String[] left = committed.split("\n", -1);
        String[] right = served.split("\n", -1);
        for (int line = 0; line < Math.max(left.length, right.length); line++) {
            String a = line < left.length ? left[line] : "<end of file>";
            String b = line < right.length ? right[line] : "<end of file>";
            if (!a.equals(b)) {
                return "\nfirst difference at line " + (line + 1) + ":\n  committed: " + a + "\n  served:    " + b;
            }
        }
        return "";
    }
}
