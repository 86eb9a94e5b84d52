package org.sanyi.events.imaging;

import java.time.Instant;

/** Data of {@code org.sanyi.imaging.break-glass.reviewed.v1}: the regulator's finding on one break-glass access. */
public record BreakGlassReviewEvent(
        String accessId, String accessorInstitution, ReviewStatus outcome, String reviewedBy, Instant reviewedAt) {}
