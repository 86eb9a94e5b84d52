package org.sanyi.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tuning of the outbox relay. */
@ConfigMapping(prefix = "sanyi.outbox")
public interface OutboxConfig {

    /** Rows read and published per round trip. */
    @WithDefault("500")
    int batchSize();

    /**
     * Longest wait between two looks at the table when no commit woke the relay: the bound on latency for rows
     * written by another instance, or left behind by a crash.
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Pause after a commit woke the relay, so rows committed close together are published in one batch. */
    @WithDefault("5ms")
    Duration linger();

    /** First pause after Kafka failed; doubled on every further failure up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /** How long a send may wait for the broker's acknowledgement before the batch is retried. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * How long a published row is kept. Zero (the default) deletes it in the transaction that records the broker's
     * acknowledgement: one small delete instead of a new row version carrying the whole payload, so the hot path
     * writes half the WAL. Kafka holds the events; set a retention only to inspect what went out.
     */
    @WithDefault("PT0S")
    Duration retention();

    /** How often published rows (and old inbox entries) are deleted; this runs whether or not sends succeed. */
    @WithDefault("10m")
    Duration cleanupInterval();

    /**
     * Failed sends of one row, counted only when the broker is reachable or the error is not retriable, after which
     * the row is parked: kept with its last error and never sent again by itself, and the later rows of its key wait.
     */
    @WithDefault("10")
    int maxAttempts();

    /**
     * Check every event against its JSON Schema before it is stored. On in tests and dev, off in production: the
     * platform's {@code microprofile-config.properties} says why.
     */
    @WithDefault("true")
    boolean validateSchemas();

    /** Turn the relay off, e.g. for a read-only instance. */
    @WithDefault("true")
    boolean enabled();
}
