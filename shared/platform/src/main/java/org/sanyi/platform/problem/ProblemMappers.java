package org.sanyi.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.http.ClientGone;
import org.sanyi.platform.http.StrictJson;

/**
 * Turns every failure into {@code application/problem+json}. Domain code throws {@link ApiProblem}; everything else
 * a framework can throw is translated here once, so no response ever carries a stack trace or a class name.
 */
public class ProblemMappers {

    private static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Every 403 is audited as a denial; see {@link #auditDenial(UriInfo)}. */
    @Inject
    AuditTrail auditTrail;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        if (problem.problemType().status() == 403) {
            auditDenial(uri);
        }
        Response response = respond(problem.problemType(), problem.detail(), uri, problem.violations());
        if (problem.problemType().status() == 503) {
            // Every 503 of the exchange is a state that passes (a replica loading, a dependency restarting).
            return Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldPath(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail =
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(PlatformProblem.VALIDATION_FAILED, detail, uri, violations);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(
                PlatformProblem.INVALID_FIELD_TYPE,
                field + ": unknown field",
                uri,
                List.of(new FieldViolation(field, "unknown field")));
    }

    @ServerExceptionMapper
    public Response forbiddenCharacter(StrictJson.ForbiddenCharacterException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getOriginalMessage();
        return respond(
                PlatformProblem.FORBIDDEN_CHARACTER,
                field + ": " + message,
                uri,
                List.of(new FieldViolation(field, message)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return respond(PlatformProblem.MALFORMED_BODY, "The body holds more than one JSON value", uri, List.of());
        }
        String field = jsonPath(e);
        String message = "expected a value of type " + simpleTargetType(e);
        return respond(
                PlatformProblem.INVALID_FIELD_TYPE,
                field + ": " + message,
                uri,
                List.of(new FieldViolation(field, message)));
    }

    @ServerExceptionMapper(priority = 2)
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        // A problem raised while the body was read (the chunked size limit) arrives wrapped by the reader.
        ApiProblem raised = raisedProblem(e);
        if (raised != null) {
            return apiProblem(raised, uri);
        }
        String field = jsonPath(e);
        // Our own value objects reject bad values with IllegalArgumentException; their message is safe to show.
        // Jackson's own messages name Java classes, so they are never shown.
        String message = e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                ? firstLine(iae.getMessage())
                : "invalid value";
        return respond(
                PlatformProblem.INVALID_FIELD_TYPE,
                field + ": " + message,
                uri,
                List.of(new FieldViolation(field, message)));
    }

    @ServerExceptionMapper(priority = 3)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field")
                && e instanceof StreamReadException read
                && read.getProcessor() != null) {
            String field = fieldOf(read.getProcessor().getParsingContext());
            return respond(
                    PlatformProblem.MALFORMED_BODY,
                    field + ": appears twice in one object",
                    uri,
                    List.of(new FieldViolation(field, "appears twice in one object")));
        }
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return respond(PlatformProblem.MALFORMED_BODY, "The body could not be parsed as JSON" + where, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        auditDenial(uri);
        return respond(PlatformProblem.FORBIDDEN, "The caller's role does not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentModification(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentModification(uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(PlatformProblem.NOT_FOUND, "No resource at " + uri.getPath(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Response.ResponseBuilder builder = problem(
                PlatformProblem.METHOD_NOT_ALLOWED,
                "Allowed methods: " + e.getResponse().getAllowedMethods(),
                uri,
                List.of());
        return builder.allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(PlatformProblem.NOT_ACCEPTABLE, "Ask for application/json", uri, List.of());
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri) {
        return respond(PlatformProblem.UNSUPPORTED_MEDIA_TYPE, "Send application/json", uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // A problem raised while the body was read (the chunked size limit) arrives wrapped by the reader.
        ApiProblem raised = raisedProblem(e);
        if (raised != null) {
            return apiProblem(raised, uri);
        }
        // The JSON reader reports some parse failures wrapped in a 400; answer them as if thrown directly.
        if (e.getCause() instanceof StrictJson.ForbiddenCharacterException cause) {
            return forbiddenCharacter(cause, uri);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, uri);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause, uri);
        }
        if (e.getCause() instanceof JsonMappingException cause) {
            return jsonMapping(cause, uri);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type =
                switch (status) {
                    case 401 -> PlatformProblem.UNAUTHENTICATED;
                    case 403 -> PlatformProblem.FORBIDDEN;
                    case 404 -> PlatformProblem.NOT_FOUND;
                    case 405 -> PlatformProblem.METHOD_NOT_ALLOWED;
                    case 406 -> PlatformProblem.NOT_ACCEPTABLE;
                    case 413 -> PlatformProblem.PAYLOAD_TOO_LARGE;
                    case 415 -> PlatformProblem.UNSUPPORTED_MEDIA_TYPE;
                    case 503 -> PlatformProblem.UNAVAILABLE;
                    default -> status >= 500 ? PlatformProblem.INTERNAL_ERROR : PlatformProblem.BAD_REQUEST;
                };
        if (status == 503) {
            return apiProblem(new ApiProblem(PlatformProblem.UNAVAILABLE, PlatformProblem.UNAVAILABLE.title()), uri);
        }
        if (status >= 500) {
            return internalError(e, uri);
        }
        if (status == 403) {
            auditDenial(uri);
        }
        return respond(type, type.title(), uri, List.of());
    }

    /** The refusal is audited in its own transaction; recordDenial never throws, so a 403 stays a 403. */
    private void auditDenial(UriInfo uri) {
        if (auditTrail != null) {
            auditTrail.recordDenial(uri == null ? null : uri.getPath());
        }
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // A problem raised while the body was read (the chunked size limit) arrives wrapped by the reader.
        ApiProblem raised = raisedProblem(e);
        if (raised != null) {
            return apiProblem(raised, uri);
        }
        java.sql.SQLException retryable = TransientFailures.transientCause(e);
        if (retryable != null) {
            LOG.warnf(
                    "Transient database failure on %s: SQLState %s %s",
                    uri.getPath(), retryable.getSQLState(), retryable.getMessage());
            return apiProblem(
                    new ApiProblem(
                            PlatformProblem.UNAVAILABLE,
                            "The database could not complete the request this time (SQLState " + retryable.getSQLState()
                                    + "); nothing was stored, send it again"),
                    uri);
        }
        if (ClientGone.causedBy(e)) {
            LOG.debugf("Client went away during %s: %s", uri.getPath(), e.toString());
            return respond(PlatformProblem.BAD_REQUEST, "The client closed the connection", uri, List.of());
        }
        return internalError(e, uri);
    }

    private static ApiProblem raisedProblem(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem) {
                return problem;
            }
        }
        return null;
    }

    private Response internalError(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return respond(
                PlatformProblem.INTERNAL_ERROR,
                "Quote error id " + errorId + " when reporting this problem",
                uri,
                List.of());
    }

    private Response unauthenticated(UriInfo uri) {
        return problem(PlatformProblem.UNAUTHENTICATED, "Send a valid bearer token", uri, List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private Response concurrentModification(UriInfo uri) {
        return respond(
                PlatformProblem.CONCURRENT_MODIFICATION,
                "Another request changed this resource first; read it again and retry",
                uri,
                List.of());
    }

    private static Response respond(ProblemType type, String detail, UriInfo uri, List<FieldViolation> errors) {
        return problem(type, detail, uri, errors).build();
    }

    private static Response.ResponseBuilder problem(
            ProblemType type, String detail, UriInfo uri, List<FieldViolation> errors) {
        return Response.status(type.status())
                .type(ProblemBody.MEDIA_TYPE)
                .entity(ProblemBody.of(type, detail, uri == null ? null : uri.getPath(), errors));
    }

    /** {@code create.request.patient.value} → {@code patient.value}: drop the method and parameter nodes. */
    private static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameterName = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameterName = node.getName();
                continue;
            }
            if (node.getIndex() != null && path.length() > 0) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null
                    && !node.getName().isEmpty()
                    && !node.getName().startsWith("<")) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        if (path.length() > 0) {
            return path.toString();
        }
        // A constraint on a path, query or header parameter itself: name the parameter.
        return parameterName == null ? "body" : parameterName;
    }

    /** The JSON Pointer of the parser's position as a dotted path: {@code /patient/name} → {@code patient.name}. */
    private static String fieldOf(JsonStreamContext context) {
        String pointer = context.pathAsPointer().toString();
        if (pointer.isEmpty()) {
            return "body";
        }
        return pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String simpleTargetType(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "different shape";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean";
        }
        if (target.isEnum()) {
            return "one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        if (target == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "ISO-8601 date or time";
        }
        return "object";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
