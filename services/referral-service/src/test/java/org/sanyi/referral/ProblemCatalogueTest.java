package org.sanyi.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemsDocument;
import org.sanyi.referral.domain.ReferralProblem;

class ProblemCatalogueTest {

    @Test
    void problemCodesAndTypesAreUniqueAcrossTheExchange() {
        assertThat(ProblemCatalogue.duplicates()).isEmpty();
    }

    @Test
    void referralProblemsAreRegistered() {
        assertThat(ProblemCatalogue.all()).contains(ReferralProblem.values());
        for (ReferralProblem problem : ReferralProblem.values()) {
            assertThat(problem.code()).matches("REF-\\d{4}");
            assertThat(problem.slug()).startsWith("referral-");
        }
    }

    @Test
    void docsProblemsListsEveryReferralProblem() {
        ProblemsDocument.check(
                ProblemsDocument.COMMITTED,
                "REF",
                ProblemsDocument.section("REF", "Referral service", List.of(ReferralProblem.values())));
    }
}
