package org.sanyi.result.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.result.ResultStatus;
import org.sanyi.kernel.InstitutionCode;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.patient.PatientDto;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.result.application.NewResult;

@Schema(
        name = "PublishResult",
        description = "A result as its issuer publishes it (BR-E1). Publishing the same report id again with the same"
                + " content is a retry; with other content it must say status AMENDED.")
public record PublishResultRequest(
        @NotBlank
                @Size(max = 64)
                @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be visible ASCII without spaces")
                @Schema(description = "The issuer's own report id", example = "THC01-LAB-20261201-0042")
                String reportId,
        @NotNull @Valid PatientDto patient,
        @NotBlank @Size(max = 40) @Schema(description = "Code of the recognition catalogue", example = "LAB-CBC")
                String itemCode,
        @Pattern(regexp = InstitutionCode.PATTERN, message = "must be a directory institution code")
                @Schema(
                        description = "The lab or 医共体 shared centre that performed it, when not the issuer; its EQA"
                                + " status decides recognition",
                        example = "NDXP-THC01")
                String performerInstitution,
        @NotNull @Schema(description = "Specimen collection or exam time", example = "2026-12-01T08:10:00+08:00")
                Instant specimenAt,
        @NotNull @Schema(example = "2026-12-01T10:40:00+08:00") Instant reportedAt,
        @Schema(description = "FINAL (default) or AMENDED; withdraw with POST /v1/results/{id}/withdraw")
                ResultStatus status,
        @Size(max = 60) List<@NotNull @Valid ObservationDto> observations,
        @Size(max = 4000) @Schema(description = "Exam findings (检查所见)") String findings,
        @Size(max = 2000) @Schema(description = "Exam conclusion (诊断意见 / 检查结论)") String conclusion) {

    NewResult toCommand(String field, List<FieldViolation> violations) {
        if (status == ResultStatus.WITHDRAWN) {
            violations.add(new FieldViolation(
                    field + "status", "must be FINAL or AMENDED; withdraw with POST /v1/results/{id}/withdraw"));
        }
        return new NewResult(
                reportId,
                patient.normalised(field, violations),
                itemCode,
                performerInstitution,
                specimenAt == null ? null : Timestamps.stored(specimenAt),
                reportedAt == null ? null : Timestamps.stored(reportedAt),
                status == null ? ResultStatus.FINAL : status,
                observations == null
                        ? List.of()
                        : observations.stream()
                                .map(ObservationDto::toObservation)
                                .toList(),
                blankToNull(findings),
                blankToNull(conclusion),
                field);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
