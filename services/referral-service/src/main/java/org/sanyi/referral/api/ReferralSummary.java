package org.sanyi.referral.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.referral.ReferralDirection;
import org.sanyi.events.referral.ReferralFlags;
import org.sanyi.events.referral.ReferralStatus;
import org.sanyi.events.referral.ReferralUrgency;

/** A work-list entry: no patient identity, so listing needs no per-patient audit; open the details for that. */
@Schema(name = "ReferralSummary")
public record ReferralSummary(
        UUID id,
        ReferralStatus status,
        ReferralDirection direction,
        ReferralUrgency urgency,
        String senderInstitution,
        String receiverInstitution,
        String diagnosisCode,
        Instant requestedAt,
        Instant answerDueAt,
        ReferralFlags flags) {}
