package org.sanyi.referral.application;

import java.util.List;
import java.util.UUID;
import org.sanyi.events.EventType;
import org.sanyi.events.referral.AppliedPolicy;
import org.sanyi.events.referral.ReferralEvent;
import org.sanyi.events.referral.ReferralParty;
import org.sanyi.referral.domain.Attachment;
import org.sanyi.referral.domain.AttachmentKind;
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
                type == EventType.REFERRAL_COMPLETED ? referral.outcome : null,
                attachedResultIds(referral));
    }

    /** Attachments of kind LAB_REPORT or EXAM_REPORT whose reference is an exchange result id (a UUID). */
    static List<String> attachedResultIds(Referral referral) {
        if (referral.attachments == null) {
            return List.of();
        }
        return referral.attachments.stream()
                .filter(a -> a.kind() == AttachmentKind.LAB_REPORT || a.kind() == AttachmentKind.EXAM_REPORT)
                .map(Attachment::reference)
                .filter(ReferralEvents::isUuid)
                .distinct()
                .toList();
    }

    private static boolean isUuid(String reference) {
        try {
            return UUID.fromString(reference).toString().equalsIgnoreCase(reference);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
