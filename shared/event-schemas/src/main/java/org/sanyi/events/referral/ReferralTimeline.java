package org.sanyi.events.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** When each step of the referral happened so far; steps not (yet) taken are absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralTimeline(
        Instant requestedAt,
        Instant answerDueAt,
        Instant reviewedAt,
        Instant acceptedAt,
        Instant rejectedAt,
        Instant arrivedAt,
        Instant completedAt,
        Instant cancelledAt,
        Instant expiredAt) {}
