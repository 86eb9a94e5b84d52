package org.sanyi.events.imaging;

/** A study in the index is registered, or retracted by its source (entered in error). */
public enum StudyStatus {
    REGISTERED,
    RETRACTED
}
