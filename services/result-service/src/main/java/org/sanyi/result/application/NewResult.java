package org.sanyi.result.application;

import java.time.Instant;
import java.util.List;
import org.sanyi.events.result.ResultStatus;
import org.sanyi.kernel.Identifier;
import org.sanyi.result.domain.Observation;

/**
 * A result as its issuer publishes it; identifiers are checked and normalised, the first is the one stored.
 *
 * @param performerCode the lab or shared centre that performed it; null means the issuer
 * @param field prefix of field names in problems ({@code results[3].}) for a batch, empty for one result
 */
public record NewResult(
        String reportId,
        List<Identifier> patientIdentifiers,
        String itemCode,
        String performerCode,
        Instant specimenAt,
        Instant reportedAt,
        ResultStatus status,
        List<Observation> observations,
        String findings,
        String conclusion,
        String field) {

    /** The published content without its status: a repeat of this is a retry, anything else an amendment. */
    public record Content(
            String reportId,
            List<Identifier> patientIdentifiers,
            String itemCode,
            String performerCode,
            Instant specimenAt,
            Instant reportedAt,
            List<Observation> observations,
            String findings,
            String conclusion) {}

    public Content content() {
        return new Content(
                reportId,
                patientIdentifiers,
                itemCode,
                performerCode,
                specimenAt,
                reportedAt,
                observations,
                findings,
                conclusion);
    }
}
