package org.sanyi.events.referral;

/** How the receiver's episode ended, reported with the summary that closes the loop. */
public enum ReferralOutcome {
    TREATED_AND_DISCHARGED,
    /** Sent back down to the sender or another lower-level institution. */
    REFERRED_BACK,
    /** Sent on to a third institution. */
    REFERRED_ONWARD,
    DECEASED,
    OTHER
}
