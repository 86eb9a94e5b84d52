package org.sanyi.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemsDocument;
import org.sanyi.result.domain.ResultProblem;

class ProblemCatalogueTest {

    @Test
    void problemCodesAndTypesAreUniqueAcrossTheExchange() {
        assertThat(ProblemCatalogue.duplicates()).isEmpty();
    }

    @Test
    void resultProblemsAreRegistered() {
        assertThat(ProblemCatalogue.all()).contains(ResultProblem.values());
        for (ResultProblem problem : ResultProblem.values()) {
            assertThat(problem.code()).matches("RES-\\d{4}");
            assertThat(problem.slug()).startsWith("result-");
        }
    }

    @Test
    void docsProblemsListsEveryResultProblem() {
        ProblemsDocument.check(
                ProblemsDocument.COMMITTED,
                "RES",
                ProblemsDocument.section("RES", "Result recognition service", List.of(ResultProblem.values())));
    }
}
