package org.sanyi.events.referral;

/** How fast the receiver must answer; a green-channel referral skips the up-front review (BR-R2, REF-10/11). */
public enum ReferralUrgency {
    ROUTINE,
    URGENT,
    /** 绿色通道: severe or emergency case, sent straight to the receiver and reviewed afterwards. */
    GREEN_CHANNEL
}
