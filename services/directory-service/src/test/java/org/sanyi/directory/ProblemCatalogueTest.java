package org.sanyi.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.directory.domain.DirectoryProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemType;
import org.sanyi.platform.problem.ProblemsDocument;

class ProblemCatalogueTest {

    @Test
    void everyProblemCodeAndTypeOnTheClasspathIsUnique() {
        assertThat(ProblemCatalogue.duplicates()).isEmpty();
    }

    @Test
    void theDirectoryCatalogueIsRegisteredNextToThePlatformOne() {
        assertThat(ProblemCatalogue.all()).contains(DirectoryProblem.values()).contains(PlatformProblem.values());
    }

    @Test
    void directoryCodesFollowTheScheme() {
        for (DirectoryProblem problem : DirectoryProblem.values()) {
            assertThat(problem.code()).matches("DIR-\\d{4}");
            assertThat(problem.slug()).matches("[a-z]+(-[a-z]+)*");
            assertThat(problem.type().toString()).startsWith(ProblemType.TYPE_PREFIX);
            assertThat(problem.status()).isBetween(400, 499);
        }
    }

    @Test
    void docsProblemsListsEveryDirectoryProblem() {
        ProblemsDocument.check(
                ProblemsDocument.COMMITTED,
                "DIR",
                ProblemsDocument.section("DIR", "Directory service", List.of(DirectoryProblem.values())));
    }
}
