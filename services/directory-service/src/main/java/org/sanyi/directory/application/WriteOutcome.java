package org.sanyi.directory.application;

/**
 * Result of a create-or-replace: the state now, whether the resource was created, and whether anything changed (an
 * identical replace changes nothing, creates no version and publishes no event).
 */
public record WriteOutcome<T>(T snapshot, boolean created, boolean changed) {}
