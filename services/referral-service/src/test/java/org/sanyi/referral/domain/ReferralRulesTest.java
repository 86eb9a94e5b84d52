package org.sanyi.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanyi.events.referral.CancellationReason;
import org.sanyi.events.referral.ReferralOutcome;
import org.sanyi.events.referral.ReferralStatus;
import org.sanyi.events.referral.ReferralUrgency;
import org.sanyi.events.referral.RejectionReason;
import org.sanyi.kernel.Identifier;
import org.sanyi.platform.problem.ApiProblem;

/** The lifecycle rules on the aggregate itself, without a database. */
class ReferralRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final Identifier REVIEWER = new Identifier("urn:sanyi:id:cn-physician-licence", "999");

    @Test
    void theHappyPathClosesTheLoop() {
        Referral referral = requested(ReferralUrgency.ROUTINE);
        referral.review(REVIEWER, null, "reviewer", NOW);
        referral.accept(null, null, NOW);
        referral.arrive(NOW, true, false);
        referral.complete(ReferralOutcome.TREATED_AND_DISCHARGED, "ok", NOW);
        assertThat(referral.status).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(referral.status.terminal()).isTrue();
    }

    @Test
    void aRoutineReferralNeedsItsReviewBeforeTheReceiverAnswers() {
        Referral referral = requested(ReferralUrgency.URGENT);
        assertThatThrownBy(() -> referral.accept(null, null, NOW))
                .isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).problemType())
                .isEqualTo(ReferralProblem.ILLEGAL_TRANSITION);
        assertThatThrownBy(() -> referral.reject(RejectionReason.OTHER, null, NOW))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void greenChannelReviewComesAfterAndKeepsTheStatus() {
        Referral referral = requested(ReferralUrgency.GREEN_CHANNEL);
        referral.accept(null, null, NOW);
        referral.review(REVIEWER, null, "reviewer", NOW);
        assertThat(referral.status).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.retrospectiveReview).isTrue();
        assertThatThrownBy(() -> referral.review(REVIEWER, null, "reviewer", NOW))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void onlyUnansweredReferralsExpireAndOnlyWhenDue() {
        Referral referral = requested(ReferralUrgency.ROUTINE);
        assertThatThrownBy(() -> referral.expire(NOW)).isInstanceOf(ApiProblem.class);
        referral.expire(referral.answerDueAt);
        assertThat(referral.status).isEqualTo(ReferralStatus.EXPIRED);

        Referral accepted = requested(ReferralUrgency.GREEN_CHANNEL);
        accepted.accept(null, null, NOW);
        assertThatThrownBy(() -> accepted.expire(accepted.answerDueAt)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void anOverdueReferralCannotBeAnsweredEvenBeforeTheSweepExpiresIt() {
        Referral referral = requested(ReferralUrgency.ROUTINE);
        referral.review(REVIEWER, null, "reviewer", NOW);
        Instant overdue = referral.answerDueAt.plusSeconds(1);

        assertThatThrownBy(() -> referral.accept(null, null, overdue))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("was due");
        assertThatThrownBy(() -> referral.reject(RejectionReason.NO_CAPACITY, null, overdue))
                .isInstanceOf(ApiProblem.class);
        assertThat(referral.status).isEqualTo(ReferralStatus.REVIEWED);
        referral.expire(overdue);
        assertThat(referral.status).isEqualTo(ReferralStatus.EXPIRED);
    }

    @Test
    void cancellationEndsBeforeArrival() {
        Referral referral = requested(ReferralUrgency.GREEN_CHANNEL);
        referral.accept(null, null, NOW);
        referral.arrive(NOW, false, false);
        assertThatThrownBy(() -> referral.cancel(CancellationReason.OTHER, null, NOW))
                .isInstanceOf(ApiProblem.class);
    }

    private static Referral requested(ReferralUrgency urgency) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.status = ReferralStatus.REQUESTED;
        referral.urgency = urgency;
        referral.clinicianSystem = "urn:sanyi:id:cn-physician-licence";
        referral.clinicianValue = "123";
        referral.requestedAt = NOW;
        referral.answerDueAt = NOW.plus(Duration.ofHours(72));
        return referral;
    }
}
