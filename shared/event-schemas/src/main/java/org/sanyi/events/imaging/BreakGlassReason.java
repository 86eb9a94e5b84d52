package org.sanyi.events.imaging;

/** Coded reasons for an emergency access without a treatment relationship (break-glass). */
public enum BreakGlassReason {
    /** A life-threatening condition needs the earlier images now. */
    LIFE_THREATENING,
    /** The patient cannot consent (unconscious, sedated) and no relationship is recorded yet. */
    PATIENT_UNABLE_TO_CONSENT,
    /** Emergency transfer arrived before the referral was recorded. */
    EMERGENCY_TRANSFER,
    /** Mass-casualty or public-health emergency. */
    MASS_CASUALTY
}
