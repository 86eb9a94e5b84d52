package org.sanyi.events.imaging;

/** A break-glass access waits for the 卫健委's review, which finds it justified or not. */
public enum ReviewStatus {
    PENDING,
    JUSTIFIED,
    UNJUSTIFIED
}
