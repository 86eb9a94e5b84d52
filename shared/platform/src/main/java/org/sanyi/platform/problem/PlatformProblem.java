package org.sanyi.platform.problem;

import java.util.List;

/** Problems every service can answer with, whatever its domain. */
public enum PlatformProblem implements ProblemType {
    VALIDATION_FAILED("PLT-0001", 400, "validation-failed", "The request has invalid fields"),
    MALFORMED_BODY("PLT-0002", 400, "malformed-body", "The request body is not well-formed JSON"),
    INVALID_FIELD_TYPE("PLT-0003", 400, "invalid-field-type", "A field has a value of the wrong type"),
    BAD_REQUEST("PLT-0004", 400, "bad-request", "The request cannot be processed"),
    UNAUTHENTICATED("PLT-0005", 401, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN("PLT-0006", 403, "forbidden", "The calling institution or role may not do this"),
    NOT_FOUND("PLT-0007", 404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED("PLT-0008", 405, "method-not-allowed", "The method is not allowed on this resource"),
    NOT_ACCEPTABLE("PLT-0009", 406, "not-acceptable", "No acceptable representation is available"),
    CONCURRENT_MODIFICATION(
            "PLT-0010", 409, "concurrent-modification", "The resource was changed by another request; retry"),
    PAYLOAD_TOO_LARGE("PLT-0011", 413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("PLT-0012", 415, "unsupported-media-type", "The request content type is not supported"),
    INTERNAL_ERROR("PLT-0013", 500, "internal-error", "An unexpected error occurred"),
    UNAVAILABLE("PLT-0014", 503, "unavailable", "The service is temporarily unavailable"),
    IDEMPOTENCY_KEY_REUSED(
            "PLT-0015",
            422,
            "idempotency-key-reused",
            "The Idempotency-Key was already used with a different request body"),
    PRECONDITION_FAILED("PLT-0016", 412, "precondition-failed", "The resource is not at the version named by If-Match"),
    PRECONDITION_REQUIRED(
            "PLT-0017", 428, "precondition-required", "This update needs an If-Match header with the current ETag"),
    FORBIDDEN_CHARACTER("PLT-0018", 400, "forbidden-character", "A text field holds a NUL or control character"),
    INSTITUTION_NOT_ACTIVE(
            "PLT-0019",
            403,
            "institution-not-active",
            "The calling institution is unknown to the regional directory or not active"),
    INVALID_PURPOSE_OF_USE(
            "PLT-0020", 400, "invalid-purpose-of-use", "X-Purpose-Of-Use is not a code of the accepted value set"),
    DIRECTORY_NOT_LOADED(
            "PLT-0021",
            503,
            "directory-not-loaded",
            "The local copy of the regional directory is not loaded yet; retry after the Retry-After delay"),
    IDENTITY_CONFLICT(
            "PLT-0022",
            409,
            "identity-conflict",
            "The identifiers given for the patient are linked to different persons; the link was refused and flagged");

    private final ProblemDefinition definition;

    PlatformProblem(String code, int status, String slug, String title) {
        this.definition = new ProblemDefinition(code, status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }

    /** Registered in META-INF/services. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<PlatformProblem> problemTypes() {
            return List.of(values());
        }
    }
}
