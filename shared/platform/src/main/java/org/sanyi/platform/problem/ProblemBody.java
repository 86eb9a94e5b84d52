package org.sanyi.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The RFC 9457 {@code application/problem+json} body, with the exchange's {@code code} and {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record ProblemBody(
        @Schema(example = "urn:sanyi:problem:validation-failed") URI type,
        @Schema(example = "The request has invalid fields") String title,
        @Schema(example = "400") int status,
        String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Stable, unique problem code", example = "PLT-0001") String code,
        @Schema(description = "Offending fields, for validation problems") List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static ProblemBody of(ProblemType type, String detail, String instance, List<FieldViolation> errors) {
        return new ProblemBody(type.type(), type.title(), type.status(), detail, instance, type.code(), errors);
    }
}
