package org.sanyi.testing;

import java.util.Locale;

/**
 * Where the Kafka broker and PostgreSQL server of the tests come from, chosen with {@code -Dsanyi.infra}: embedded in
 * the test JVM (the default, no Docker needed) or Testcontainers ({@code -Dsanyi.infra=testcontainers}).
 */
enum InfrastructureKind {
    /** A KRaft broker in the test JVM and zonky's embedded PostgreSQL binaries. */
    EMBEDDED,
    /** {@code postgres} and {@code apache/kafka} containers on the local Docker engine. */
    TESTCONTAINERS;

    static final String PROPERTY = "sanyi.infra";

    static InfrastructureKind selected() {
        String value = System.getProperty(PROPERTY, "embedded").trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "-D" + PROPERTY + "=" + value + " is not known; use embedded (the default) or testcontainers", e);
        }
    }
}
