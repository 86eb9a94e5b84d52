package org.sanyi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemType;
import org.sanyi.platform.problem.ProblemsDocument;

class ProblemCatalogueTest {

    @Test
    void platformCodesAreUniqueAndFollowTheScheme() {
        assertThat(ProblemCatalogue.duplicates()).isEmpty();
        for (PlatformProblem problem : PlatformProblem.values()) {
            assertThat(problem.code()).matches("PLT-\\d{4}");
            assertThat(problem.type().toString()).startsWith(ProblemType.TYPE_PREFIX);
        }
    }

    @Test
    void docsProblemsListsEveryPlatformProblem() {
        ProblemsDocument.check(
                ProblemsDocument.COMMITTED,
                "PLT",
                ProblemsDocument.section("PLT", "Platform (every service)", List.of(PlatformProblem.values())));
    }
}
