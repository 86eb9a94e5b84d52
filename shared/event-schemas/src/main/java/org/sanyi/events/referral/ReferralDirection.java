package org.sanyi.events.referral;

/**
 * Direction of a referral, derived from the care levels of sender and receiver in the directory, never stated by the
 * caller (BR-R1): 上转, 下转 or between institutions of the same level (including transfers with 医养结合 institutions,
 * which have no care level).
 */
public enum ReferralDirection {
    /** 上转: to a higher care level. */
    UPWARD,
    /** 下转: to a lower care level. */
    DOWNWARD,
    /** Same level, or one party has no care level. */
    LATERAL
}
