package org.sanyi.result.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.result.ClinicalContext;
import org.sanyi.events.result.NotRecognisableReason;
import org.sanyi.events.result.RecognitionScope;
import org.sanyi.events.result.ResultKind;
import org.sanyi.events.result.ResultStatus;
import org.sanyi.result.application.RecognitionChecks;
import org.sanyi.result.domain.RecognitionItem;

@Schema(
        name = "RecognitionCheck",
        description = "What a check found per item: results recognisable now (and why), and results that exist but"
                + " are not (and why not). Values are read per result while the check is open.")
public record CheckView(
        UUID id,
        String ordererInstitution,
        ClinicalContext clinicalContext,
        Instant checkedAt,
        Instant openUntil,
        List<ItemFindings> items) {

    @Schema(name = "CheckedItemFindings")
    public record ItemFindings(
            String itemCode,
            String itemName,
            ResultKind kind,
            int validityDays,
            BigDecimal referencePrice,
            List<Found> recognisable,
            List<Found> notRecognisable) {}

    @Schema(name = "FoundResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Found(
            UUID resultId,
            String issuerInstitution,
            String performerInstitution,
            Instant specimenAt,
            Instant reportedAt,
            long ageDays,
            ResultStatus status,
            RecognitionScope basis,
            NotRecognisableReason reason) {}

    static CheckView of(
            RecognitionChecks.CheckOutcome outcome, java.util.function.Function<String, RecognitionItem> items) {
        var check = outcome.check();
        List<ItemFindings> found = outcome.findingsByItem().entrySet().stream()
                .map(entry -> {
                    RecognitionItem item = items.apply(entry.getKey());
                    int window = entry.getValue().isEmpty()
                            ? item.validityDays
                            : entry.getValue().get(0).assessment().validityDays();
                    return new ItemFindings(
                            item.code,
                            item.name,
                            item.kind,
                            window,
                            item.referencePrice,
                            entry.getValue().stream()
                                    .filter(f -> f.assessment().recognisable())
                                    .map(CheckView::found)
                                    .toList(),
                            entry.getValue().stream()
                                    .filter(f -> !f.assessment().recognisable())
                                    .map(CheckView::found)
                                    .toList());
                })
                .toList();
        return new CheckView(
                check.id, check.ordererCode, check.clinicalContext, check.checkedAt, check.openUntil, found);
    }

    private static Found found(RecognitionChecks.Finding finding) {
        var result = finding.result();
        var assessment = finding.assessment();
        return new Found(
                result.id(),
                result.issuerCode(),
                result.performerCode(),
                result.specimenAt(),
                result.reportedAt(),
                assessment.ageDays(),
                result.status(),
                assessment.basis(),
                assessment.reason());
    }
}
