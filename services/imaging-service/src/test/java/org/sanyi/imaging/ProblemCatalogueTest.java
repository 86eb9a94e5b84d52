package org.sanyi.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemsDocument;

class ProblemCatalogueTest {

    @Test
    void problemCodesAndTypesAreUniqueAcrossTheExchange() {
        assertThat(ProblemCatalogue.duplicates()).isEmpty();
    }

    @Test
    void imagingProblemsAreRegistered() {
        assertThat(ProblemCatalogue.all()).contains(ImagingProblem.values());
        for (ImagingProblem problem : ImagingProblem.values()) {
            assertThat(problem.code()).matches("IMG-\\d{4}");
            assertThat(problem.slug()).startsWith("imaging-");
        }
    }

    @Test
    void docsProblemsListsEveryImagingProblem() {
        ProblemsDocument.check(
                ProblemsDocument.COMMITTED,
                "IMG",
                ProblemsDocument.section("IMG", "Imaging sharing service", List.of(ImagingProblem.values())));
    }
}
