package org.sanyi.platform.problem;

import java.util.List;

/**
 * The one exception services throw to answer with a problem. It carries its {@link ProblemType}, so the mapper is a
 * single generic method and no status is decided twice.
 */
public class ApiProblem extends RuntimeException {

    private final ProblemType problemType;
    private final List<FieldViolation> violations;

    public ApiProblem(ProblemType problemType, String detail) {
        this(problemType, detail, List.of());
    }

    public ApiProblem(ProblemType problemType, String detail, List<FieldViolation> violations) {
        super(detail, null, false, false);
        this.problemType = problemType;
        this.violations = List.copyOf(violations);
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(
                PlatformProblem.VALIDATION_FAILED, field + ": " + message, List.of(new FieldViolation(field, message)));
    }

    /** 400 PLT-0001 naming every field at fault; the detail lists them as {@code field: message; ...}. */
    public static ApiProblem invalidFields(List<FieldViolation> violations) {
        return new ApiProblem(
                PlatformProblem.VALIDATION_FAILED,
                String.join(
                        "; ",
                        violations.stream()
                                .map(v -> v.field() + ": " + v.message())
                                .toList()),
                violations);
    }

    public ProblemType problemType() {
        return problemType;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
