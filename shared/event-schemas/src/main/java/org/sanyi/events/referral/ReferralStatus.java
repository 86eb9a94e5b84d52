package org.sanyi.events.referral;

/**
 * Where a referral is in its closed loop (FHIR Task status semantics, IHE 360X / BSeR): requested, reviewed by the
 * sender, accepted or rejected by the receiver, patient arrived, completed with a summary back to the sender; or
 * cancelled by the sender before arrival, or expired without an answer.
 */
public enum ReferralStatus {
    REQUESTED,
    REVIEWED,
    ACCEPTED,
    REJECTED,
    ARRIVED,
    COMPLETED,
    CANCELLED,
    EXPIRED;

    /** No transition leaves a terminal status. */
    public boolean terminal() {
        return this == REJECTED || this == COMPLETED || this == CANCELLED || this == EXPIRED;
    }
}
