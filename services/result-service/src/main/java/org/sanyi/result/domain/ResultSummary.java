package org.sanyi.result.domain;

import java.time.Instant;
import java.util.UUID;
import org.sanyi.events.result.ResultStatus;

/**
 * What an assessment and a check's answer read of a result: no patient identity, no values. Checks read these columns
 * straight from the index they search instead of loading whole results as entities.
 */
public record ResultSummary(
        UUID id,
        String issuerCode,
        String performerCode,
        String itemCode,
        ResultStatus status,
        Instant specimenAt,
        Instant reportedAt) {

    public boolean withdrawn() {
        return status == ResultStatus.WITHDRAWN;
    }

    /** Whether {@code institutionCode} issued or performed it. */
    public boolean isOwnedBy(String institutionCode) {
        return issuerCode.equals(institutionCode) || performerCode.equals(institutionCode);
    }
}
