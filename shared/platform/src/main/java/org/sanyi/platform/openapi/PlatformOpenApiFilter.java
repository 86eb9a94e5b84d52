package org.sanyi.platform.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.platform.problem.ProblemBody;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemType;

/**
 * Gives every service's OpenAPI document the exchange's HTTP conventions, so resources declare only what is their
 * own: a server, an {@code operationId} on every operation ({@link OperationIds}), the standard problem responses
 * with {@code application/problem+json} examples of the problem codes of that status, and the headers the platform
 * reads or sets ({@code Idempotency-Key}, {@code Idempotent-Replayed}, {@code X-Purpose-Of-Use}, {@code ETag},
 * {@code If-Match}) as reusable components. What a resource states itself (a description, an explicit operationId)
 * is kept. Registered for every service through {@code mp.openapi.filter} in the platform's config defaults.
 */
public class PlatformOpenApiFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    static final String IF_MATCH = "If-Match";
    static final String ETAG = "ETag";

    private static final String PARAMETERS = "#/components/parameters/";
    private static final String HEADERS = "#/components/headers/";
    private static final String RESPONSES = "#/components/responses/";
    private static final String EXAMPLES = "#/components/examples/";
    private static final Pattern PROBLEM_CODE = Pattern.compile("\\b[A-Z]{3}-\\d{4}\\b");

    /** Component name and default description of each standard problem response. */
    private record StandardResponse(String component, String description) {}

    private static final Map<Integer, StandardResponse> STANDARD_RESPONSES = Map.of(
            400,
                    new StandardResponse(
                            "BadRequest", "Malformed or invalid input; the problem names each offending field"),
            401, new StandardResponse("Unauthenticated", "No valid bearer token"),
            403, new StandardResponse("Forbidden", "The calling institution or role may not do this"),
            404, new StandardResponse("NotFound", "No such resource"),
            409, new StandardResponse("Conflict", "The request conflicts with the resource's current state"),
            412, new StandardResponse("PreconditionFailed", "If-Match does not name the current version (ETag)"),
            422, new StandardResponse("UnprocessableContent", "Well-formed, but the request cannot be carried out"),
            428, new StandardResponse("PreconditionRequired", "This update needs If-Match with the current ETag"));

    private static final Set<PathItem.HttpMethod> CHANGES =
            Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addServer(openAPI);
        new Document(openAPI).complete();
        removeUnusedSecuritySchemes(openAPI);
    }

    /** One pass over a document; remembers which components its operations refer to, and adds only those. */
    private static final class Document {
        private final OpenAPI openAPI;
        private final Map<String, Parameter> headerParameters = headerParameters();
        private final Map<String, Header> responseHeaders = responseHeaders();
        private final Map<Integer, List<ProblemType>> problemsByStatus = problemsByStatus();
        private final Set<String> usedParameters = new TreeSet<>();
        private final Set<String> usedHeaders = new TreeSet<>();
        private final Set<Integer> usedResponses = new TreeSet<>();
        private final Set<String> usedExamples = new TreeSet<>();

        Document(OpenAPI openAPI) {
            this.openAPI = openAPI;
        }

        void complete() {
            Map<String, String> operationIds = new HashMap<>();
            if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
                for (Map.Entry<String, PathItem> path :
                        new TreeMap<>(openAPI.getPaths().getPathItems()).entrySet()) {
                    if (path.getValue().getOperations() == null) {
                        continue;
                    }
                    for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                            path.getValue().getOperations().entrySet()) {
                        String where = entry.getKey() + " " + path.getKey();
                        Operation operation = entry.getValue();
                        if (operation.getOperationId() == null
                                || operation.getOperationId().isBlank()) {
                            operation.setOperationId(
                                    OperationIds.of(entry.getKey().name(), path.getKey()));
                        }
                        String clash = operationIds.put(operation.getOperationId(), where);
                        if (clash != null) {
                            throw new IllegalStateException("operationId " + operation.getOperationId() + " of " + where
                                    + " is already used by " + clash);
                        }
                        boolean secured = secured(operation);
                        declareRequestHeaders(operation, secured);
                        addStandardResponses(operation, entry.getKey(), path.getKey(), secured);
                        completeResponses(operation);
                    }
                }
            }
            addComponents();
        }

        private boolean secured(Operation operation) {
            List<SecurityRequirement> security =
                    operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
            return security != null
                    && security.stream()
                            .anyMatch(requirement -> requirement.getSchemes() != null
                                    && !requirement.getSchemes().isEmpty());
        }

        /**
         * Replaces the resource's inline declaration of a platform header by the component where the two agree on
         * whether the header is required, and fills in a schema otherwise; adds X-Purpose-Of-Use to secured calls.
         */
        private void declareRequestHeaders(Operation operation, boolean secured) {
            List<Parameter> parameters =
                    operation.getParameters() == null ? new ArrayList<>() : new ArrayList<>(operation.getParameters());
            for (int i = 0; i < parameters.size(); i++) {
                Parameter parameter = parameters.get(i);
                if (parameter.getRef() != null || parameter.getIn() != Parameter.In.HEADER) {
                    continue;
                }
                Optional<String> component = headerComponent(parameter.getName());
                if (component.isEmpty()) {
                    if (parameter.getSchema() == null) {
                        parameter.setSchema(string());
                    }
                    continue;
                }
                Parameter declared = headerParameters.get(component.get());
                if (Boolean.TRUE.equals(parameter.getRequired()) == Boolean.TRUE.equals(declared.getRequired())) {
                    parameters.set(i, OASFactory.createParameter().ref(PARAMETERS + component.get()));
                    usedParameters.add(component.get());
                } else if (parameter.getSchema() == null) {
                    parameter.setSchema(declared.getSchema());
                }
            }
            if (secured && !hasHeader(parameters, PurposeOfUse.HEADER)) {
                parameters.add(OASFactory.createParameter().ref(PARAMETERS + "PurposeOfUse"));
                usedParameters.add("PurposeOfUse");
            }
            operation.setParameters(parameters.isEmpty() ? null : parameters);
        }

        private void addStandardResponses(
                Operation operation, PathItem.HttpMethod method, String path, boolean secured) {
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            boolean hasBody = operation.getRequestBody() != null;
            Set<Integer> statuses = new TreeSet<>();
            if (hasBody || !parameters.isEmpty()) {
                statuses.add(400);
            }
            if (secured) {
                statuses.add(401);
                statuses.add(403);
            }
            if (path.contains("{")) {
                statuses.add(404);
            }
            if (hasBody && CHANGES.contains(method)) {
                statuses.add(409);
                statuses.add(422);
            }
            if (hasHeader(parameters, IDEMPOTENCY_KEY)) {
                statuses.add(422);
            }
            if (hasHeader(parameters, IF_MATCH)) {
                statuses.add(412);
                statuses.add(428);
            }
            APIResponses responses = operation.getResponses();
            if (responses == null) {
                responses = OASFactory.createAPIResponses();
                operation.setResponses(responses);
            }
            for (int status : statuses) {
                String code = Integer.toString(status);
                if (!responses.hasAPIResponse(code)) {
                    responses.addAPIResponse(
                            code,
                            OASFactory.createAPIResponse()
                                    .ref(RESPONSES
                                            + STANDARD_RESPONSES.get(status).component()));
                    usedResponses.add(status);
                }
            }
            // Responses in status order, as a reader looks them up.
            Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
            responses.setAPIResponses(new LinkedHashMap<>(sorted));
        }

        /** Problem content and examples on error responses a resource declared itself; schemas on its headers. */
        private void completeResponses(Operation operation) {
            boolean idempotent =
                    operation.getParameters() != null && hasHeader(operation.getParameters(), IDEMPOTENCY_KEY);
            for (Map.Entry<String, APIResponse> entry :
                    operation.getResponses().getAPIResponses().entrySet()) {
                APIResponse response = entry.getValue();
                if (response.getRef() != null) {
                    continue;
                }
                int status = parseStatus(entry.getKey());
                if (status >= 400) {
                    completeProblemContent(response, status);
                }
                if (idempotent && status >= 200 && status < 300) {
                    response.addHeader(IDEMPOTENT_REPLAYED, headerRef("IdempotentReplayed"));
                }
                if (response.getHeaders() == null) {
                    continue;
                }
                for (Map.Entry<String, Header> header :
                        new ArrayList<>(response.getHeaders().entrySet())) {
                    if (ETAG.equalsIgnoreCase(header.getKey())) {
                        response.addHeader(header.getKey(), headerRef("ETag"));
                    } else if (IDEMPOTENT_REPLAYED.equalsIgnoreCase(header.getKey())) {
                        response.addHeader(header.getKey(), headerRef("IdempotentReplayed"));
                    } else if (header.getValue().getRef() == null
                            && header.getValue().getSchema() == null) {
                        header.getValue().setSchema(string());
                    }
                }
            }
        }

        private Header headerRef(String component) {
            usedHeaders.add(component);
            return OASFactory.createHeader().ref(HEADERS + component);
        }

        /**
         * The problem media type with the Problem schema and, unless the resource gave examples, one example per
         * problem code of this status: the codes the response's description names, or else all of them.
         */
        private void completeProblemContent(APIResponse response, int status) {
            Content content = response.getContent();
            if (content == null) {
                content = OASFactory.createContent();
                response.setContent(content);
            }
            MediaType problem = content.getMediaType(ProblemBody.MEDIA_TYPE);
            if (problem == null) {
                problem = OASFactory.createMediaType();
                content.addMediaType(ProblemBody.MEDIA_TYPE, problem);
            }
            if (problem.getSchema() == null) {
                problem.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
            }
            if ((problem.getExamples() != null && !problem.getExamples().isEmpty()) || problem.getExample() != null) {
                return;
            }
            List<ProblemType> candidates = problemsByStatus.getOrDefault(status, List.of());
            Set<String> named = new HashSet<>();
            if (response.getDescription() != null) {
                Matcher codes = PROBLEM_CODE.matcher(response.getDescription());
                while (codes.find()) {
                    named.add(codes.group());
                }
            }
            List<ProblemType> examples = candidates.stream()
                    .filter(type -> named.contains(type.code()))
                    .toList();
            for (ProblemType type : examples.isEmpty() ? candidates : examples) {
                problem.addExample(type.code(), OASFactory.createExample().ref(EXAMPLES + type.code()));
                usedExamples.add(type.code());
            }
        }

        private void addComponents() {
            Components components = openAPI.getComponents();
            usedParameters.forEach(name -> components.addParameter(name, headerParameters.get(name)));
            usedHeaders.forEach(name -> components.addHeader(name, responseHeaders.get(name)));
            for (int status : usedResponses) {
                StandardResponse standard = STANDARD_RESPONSES.get(status);
                APIResponse response = OASFactory.createAPIResponse().description(standard.description());
                completeProblemContent(response, status);
                components.addResponse(standard.component(), response);
            }
            problemsByStatus.values().stream()
                    .flatMap(List::stream)
                    .filter(type -> usedExamples.contains(type.code()))
                    .sorted(Comparator.comparing(ProblemType::code))
                    .forEach(type -> components.addExample(type.code(), example(type)));
        }
    }

    /**
     * The server is relative ("/", the host the document was read from) unless {@code sanyi.openapi.server-url}
     * names one, so the committed document fits every deployment; the description names the local stack's address.
     */
    private static void addServer(OpenAPI openAPI) {
        if (openAPI.getServers() != null && !openAPI.getServers().isEmpty()) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        int port = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        openAPI.addServer(OASFactory.createServer()
                .url(config.getOptionalValue("sanyi.openapi.server-url", String.class)
                        .orElse("/"))
                .description("This service; on the local stack (./sanyi up) http://localhost:" + port));
    }

    /** The request headers of the platform's conventions, by component name. */
    private static Map<String, Parameter> headerParameters() {
        Map<String, Parameter> parameters = new TreeMap<>();
        parameters.put(
                "IdempotencyKey",
                OASFactory.createParameter()
                        .name(IDEMPOTENCY_KEY)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description("A key the client chooses per intended change (a UUID, at most 255 characters)."
                                + " Repeating the request with the same key and body answers the first result"
                                + " again with Idempotent-Replayed: true; the same key with another body is 422"
                                + " (PLT-0015).")
                        .schema(string().maxLength(255))
                        .example("b0c1d4b8-6a43-4c4e-9f0e-2d6f7f3c9a11"));
        parameters.put(
                "IfMatch",
                OASFactory.createParameter()
                        .name(IF_MATCH)
                        .in(Parameter.In.HEADER)
                        .required(true)
                        .description("The ETag of the version this update was based on, as returned by the last"
                                + " read. Another version is 412 (PLT-0016); a missing header is 428 (PLT-0017).")
                        .schema(string())
                        .example("\"3\""));
        parameters.put(
                "PurposeOfUse",
                OASFactory.createParameter()
                        .name(PurposeOfUse.HEADER)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description("Why the caller reads or changes patient data, an HL7 PurposeOfUse code;"
                                + " recorded in the audit. Absent means " + PurposeOfUse.DEFAULT.code()
                                + "; any other value is 400 (PLT-0020).")
                        .schema(string().enumeration(new ArrayList<>(PurposeOfUse.codes()))
                                .defaultValue(PurposeOfUse.DEFAULT.code())));
        return parameters;
    }

    /** The response headers of the platform's conventions, by component name. */
    private static Map<String, Header> responseHeaders() {
        Map<String, Header> headers = new TreeMap<>();
        headers.put(
                "ETag",
                OASFactory.createHeader()
                        .description("The version of the resource as a strong ETag; send it in If-Match to update")
                        .schema(string().examples(List.of("\"3\""))));
        headers.put(
                "IdempotentReplayed",
                OASFactory.createHeader()
                        .description("true when this is the stored answer to an earlier request with the same"
                                + " Idempotency-Key, not a new change")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .enumeration(new ArrayList<>(List.of("true")))));
        return headers;
    }

    private static Optional<String> headerComponent(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "idempotency-key" -> Optional.of("IdempotencyKey");
            case "if-match" -> Optional.of("IfMatch");
            case "x-purpose-of-use" -> Optional.of("PurposeOfUse");
            default -> Optional.empty();
        };
    }

    /** Whether {@code parameters} hold the header {@code name}, inline or as a reference to its component. */
    private static boolean hasHeader(List<Parameter> parameters, String name) {
        String component = PARAMETERS + headerComponent(name).orElseThrow();
        return parameters.stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()) || component.equals(p.getRef()));
    }

    private static Example example(ProblemType type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.type().toString());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("code", type.code());
        return OASFactory.createExample()
                .summary(type.code() + ": " + type.title())
                .value(body);
    }

    /** Every problem type of every catalogue on the classpath, by status, in code order. */
    private static Map<Integer, List<ProblemType>> problemsByStatus() {
        Map<Integer, List<ProblemType>> byStatus = new TreeMap<>();
        ProblemCatalogue.all().stream()
                .sorted(Comparator.comparing(ProblemType::code))
                .forEach(type -> byStatus.computeIfAbsent(type.status(), s -> new ArrayList<>())
                        .add(type));
        return byStatus;
    }

    /** Drops security schemes no operation uses (Quarkus can add one of its own next to the platform's bearer). */
    private static void removeUnusedSecuritySchemes(OpenAPI openAPI) {
        Map<String, ?> schemes = openAPI.getComponents().getSecuritySchemes();
        if (schemes == null || schemes.isEmpty()) {
            return;
        }
        List<List<SecurityRequirement>> requirements = new ArrayList<>();
        requirements.add(openAPI.getSecurity());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().stream()
                    .filter(item -> item.getOperations() != null)
                    .flatMap(item -> item.getOperations().values().stream())
                    .forEach(operation -> requirements.add(operation.getSecurity()));
        }
        Set<String> used = new HashSet<>();
        requirements.stream()
                .filter(list -> list != null)
                .flatMap(List::stream)
                .filter(requirement -> requirement.getSchemes() != null)
                .forEach(requirement -> used.addAll(requirement.getSchemes().keySet()));
        for (String name : new ArrayList<>(schemes.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSecurityScheme(name);
            }
        }
    }

    private static int parseStatus(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException notANumber) {
            return 0; // "default" or a range such as "4XX"
        }
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
