package org.sanyi.referral.domain;

/** Which side of its referrals an institution lists: those it sent, those it received, or both. */
public enum ReferralSide {
    SENT,
    RECEIVED,
    BOTH
}
