package org.sanyi.events.result;

/** The situation of a check before ordering. */
public enum ClinicalContext {
    ROUTINE,
    EMERGENCY,
    PRE_OPERATIVE
}
