package org.sanyi.platform.problem;

/** One offending field of a request: a dotted JSON path such as {@code patient.identifier.value}. */
public record FieldViolation(String field, String message) {}
