package org.sanyi.kernel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants at the precision PostgreSQL stores (microseconds): a service that answers or publishes an instant it also
 * stores uses these, so what it said equals what a later read returns.
 */
public final class Timestamps {

    private Timestamps() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
