package org.sanyi.result.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.result.ResultKind;
import org.sanyi.events.result.ResultStatus;
import org.sanyi.platform.patient.IdentifierDto;
import org.sanyi.result.domain.Observation;
import org.sanyi.result.domain.RecognitionItem;
import org.sanyi.result.domain.Result;

@Schema(name = "Result", description = "A published result with its values, for the callers BR-F3 allows")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultView(
        UUID id,
        String reportId,
        long version,
        ResultStatus status,
        String itemCode,
        String itemName,
        ResultKind kind,
        String issuerInstitution,
        String performerInstitution,
        IdentifierDto patient,
        String patientPseudonym,
        Instant specimenAt,
        Instant reportedAt,
        List<Observation> observations,
        String findings,
        String conclusion,
        @Schema(description = "A recognisable result of another institution this one repeats") UUID repeatOf,
        @Schema(description = "The repeat was ordered with no decline reason recorded") boolean repeatWithoutReason,
        Instant publishedAt,
        Instant updatedAt,
        Instant withdrawnAt) {

    static ResultView of(Result result, RecognitionItem item) {
        return new ResultView(
                result.id,
                result.reportId,
                result.version,
                result.status,
                result.itemCode,
                item == null ? null : item.name,
                item == null ? null : item.kind,
                result.issuerCode,
                result.performerCode,
                IdentifierDto.of(result.patientIdSystem, result.patientIdValue),
                result.patientPseudonym,
                result.specimenAt,
                result.reportedAt,
                result.observations,
                result.findings,
                result.conclusion,
                result.repeatOf,
                result.repeatWithoutReason,
                result.publishedAt,
                result.updatedAt,
                result.withdrawnAt);
    }
}
