package org.sanyi.platform.problem;

import java.net.URI;

/**
 * One kind of problem an API can answer with (RFC 9457). Each declares its HTTP status, a stable {@code type} URI
 * and a code unique across the exchange, so clients can branch on {@code code} without parsing text.
 */
public interface ProblemType {

    String TYPE_PREFIX = "urn:sanyi:problem:";

    ProblemDefinition definition();

    /** Unique, stable code such as {@code PLT-0001}; the prefix names the owning module. */
    default String code() {
        return definition().code();
    }

    default int status() {
        return definition().status();
    }

    /** Short kebab-case name, the last part of the {@code type} URI. */
    default String slug() {
        return definition().slug();
    }

    /** Human-readable summary that does not change between occurrences. */
    default String title() {
        return definition().title();
    }

    default URI type() {
        return URI.create(TYPE_PREFIX + slug());
    }
}
