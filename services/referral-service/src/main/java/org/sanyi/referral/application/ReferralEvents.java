package org.sanyi.referral.application;

import org.sanyi.events.EventType;
import org.sanyi.events.referral.AppliedPolicy;
import org.sanyi.events.referral.ReferralEvent;
import org.sanyi.events.referral.ReferralParty;
import org.sanyi.referral.domain.Referral;

/**
 * Builds the event data of a transition from the referral's state. Only codes, flags, timestamps and the pseudonym
 * are copied: the patient's identifier, name and contact, and every free-text note, stay in this service.
 */
final class ReferralEvents {

    private ReferralEvents() {}

    static ReferralEvent of(EventType type, Referral referral) {
        return new ReferralEvent(
                referral.id.toString(),
                referral.version,
                referral.status,
                referral.patientPseudonym,
                new ReferralParty(referral.senderCode, referral.senderLevel, referral.senderCounty),
                new ReferralParty(referral.receiverCode, referral.receiverLevel, referral.receiverCounty),
                referral.direction,
                referral.urgency,
                referral.diagnosisCode,
                referral.flags(),
                referral.commonGroupIds,
                new AppliedPolicy(referral.policyRegion, referral.policyVersion),
                referral.timeline(),
                referral.downReferralIndication,
                type == EventType.REFERRAL_REVIEWED ? referral.retrospectiveReview : null,
                type == EventType.REFERRAL_REJECTED ? referral.rejectionReason : null,
                type == EventType.REFERRAL_CANCELLED ? referral.cancellationReason : null,
                type == EventType.REFERRAL_ARRIVED ? referral.admittedAsInpatient : null,
                type == EventType.REFERRAL_ARRIVED ? referral.jointWard : null,
                type == EventType.REFERRAL_COMPLETED ? referral.outcome : null);
    }
}
