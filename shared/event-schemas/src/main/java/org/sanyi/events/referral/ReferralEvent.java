package org.sanyi.events.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Data of every event on {@code referral.events.v1}: the referral's pseudonymised facts after one transition. It
 * carries the patient only as a keyed pseudonym, and codes instead of text: never a name, contact, identifier
 * number or clinical note, because insurers and regulators read this topic. Fields that belong to one transition
 * (rejection reason, arrival details, outcome…) appear only on that transition's event.
 *
 * @param referralVersion increases by one with every transition; consumers can drop stale or repeated events
 * @param commonGroupIds the medical groups both parties belonged to on the referral date (episode linkage, BR-R4)
 * @param attachedResultIds ids of exchange results (result-service) the referral attached; on acceptance the
 *     receiver may read them (BR-F3). Absent when there are none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralEvent(
        String referralId,
        long referralVersion,
        ReferralStatus status,
        String patientPseudonym,
        ReferralParty sender,
        ReferralParty receiver,
        ReferralDirection direction,
        ReferralUrgency urgency,
        String diagnosisCode,
        ReferralFlags flags,
        List<String> commonGroupIds,
        AppliedPolicy policy,
        ReferralTimeline timeline,
        DownReferralIndication downReferralIndication,
        Boolean retrospectiveReview,
        RejectionReason rejectionReason,
        CancellationReason cancellationReason,
        Boolean admittedAsInpatient,
        Boolean jointWard,
        ReferralOutcome outcome,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> attachedResultIds) {

    public ReferralEvent {
        commonGroupIds = commonGroupIds == null ? List.of() : List.copyOf(commonGroupIds);
        attachedResultIds = attachedResultIds == null ? List.of() : List.copyOf(attachedResultIds);
    }
}
