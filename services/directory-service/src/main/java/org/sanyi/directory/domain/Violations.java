package org.sanyi.directory.domain;

import java.util.List;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;

/** Builds a problem about one field of the request. */
final class Violations {

    private Violations() {}

    static ApiProblem at(DirectoryProblem problem, String field, String message) {
        return new ApiProblem(problem, field + ": " + message, List.of(new FieldViolation(field, message)));
    }
}
