package org.sanyi.events.referral;

/** Why the sender withdrew a referral before the patient arrived. */
public enum CancellationReason {
    PATIENT_DECLINED,
    PATIENT_CONDITION_CHANGED,
    PATIENT_DECEASED,
    REFERRED_ELSEWHERE,
    /** Failed the sender's own review (转诊审核). */
    REVIEW_REFUSED,
    ENTERED_IN_ERROR,
    OTHER
}
