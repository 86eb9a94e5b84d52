package org.sanyi.imaging.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.imaging.ReportStatus;
import org.sanyi.imaging.application.NewStudy;
import org.sanyi.imaging.domain.PersonName;
import org.sanyi.imaging.domain.Series;
import org.sanyi.platform.patient.PatientDto;
import org.sanyi.platform.problem.FieldViolation;

@Schema(
        name = "StudyRegistration",
        description = "A study as the source PACS/RIS registers it. The calling institution is the source (storage"
                + " institution); the pixels stay at retrieveEndpoint. Idempotent by studyInstanceUid.")
public record StudyRegistrationRequest(
        @NotBlank @Size(max = 64) @Schema(example = "1.2.156.112605.350921.20261201.1") String studyInstanceUid,
        @Size(max = 16) @Schema(example = "DR20261201001") String accessionNumber,
        @NotNull @Valid PatientDto patient,
        @Valid NameDto patientName,
        LocalDate patientBirthDate,
        @Pattern(regexp = "[MFO]") String patientSex,
        @NotNull @Schema(description = "When the study was acquired") Instant studyAt,
        @Size(max = 64) String description,
        @Size(max = 16) String dicomStudyId,
        @Size(max = 64) String referringPhysician,
        @Schema(description = "DICOM modality codes (DX, CR, CT, MR…); from the series when absent")
                List<@Pattern(regexp = "[A-Z0-9]{2,16}") String> modalities,
        @Pattern(regexp = "[A-Z0-9_ ]{1,16}") @Schema(description = "DICOM Body Part Examined (CS), e.g. CHEST")
                String bodyPart,
        @Size(max = 1000) List<@NotNull @Valid SeriesDto> series,
        @Min(0) @Max(1_000_000) Integer numberOfSeries,
        @Min(0) @Max(10_000_000) Integer numberOfInstances,
        @Size(max = 40) @Schema(description = "Institution that ordered the study, by directory code")
                String referringInstitution,
        @NotBlank
                @Size(max = 500)
                @Schema(
                        description = "WADO-RS base URL of the PACS that keeps the pixels (http or https), before"
                                + " /studies",
                        example = "https://pacs.ndxp-thc01.example/dicom-web")
                String retrieveEndpoint,
        @Size(max = 20) @Schema(description = "医保 settlement or visit ids (mdtrt_id) the study was billed under (医保可核)")
                List<@Pattern(regexp = "[A-Za-z0-9-]{1,64}") String> claimReferences,
        @Size(max = 18) @Schema(description = "统一社会信用代码 of the storage institution, for the 医保影像云 index ID")
                String storageCreditCode,
        @Valid ReportDto report) {

    @Schema(name = "PersonName", description = "A DICOM PN: alphabetic (pinyin) and ideographic (汉字) groups")
    public record NameDto(@Size(max = 64) String alphabetic, @Size(max = 64) String ideographic) {}

    @Schema(name = "Series")
    public record SeriesDto(
            @NotBlank @Size(max = 64) String seriesInstanceUid,
            @NotBlank @Pattern(regexp = "[A-Z0-9]{2,16}") String modality,
            @Min(0) @Max(100_000) Integer seriesNumber,
            @Size(max = 64) String description,
            @Pattern(regexp = "[A-Z0-9_ ]{1,16}") String bodyPart,
            @NotNull @Min(0) @Max(1_000_000) Integer numberOfInstances) {}

    @Schema(
            name = "StudyReport",
            description = "The diagnostic report; stored, shown to who may see the study, never published")
    public record ReportDto(
            @NotNull ReportStatus status,
            @Size(max = 8000) String findings,
            @Size(max = 4000) String impression,
            @NotNull Instant reportedAt) {}

    NewStudy toCommand(String field, List<FieldViolation> violations, ZoneId zone) {
        List<org.sanyi.kernel.Identifier> identifiers = patient.normalised(field, violations);
        List<Series> seriesList = series == null
                ? List.of()
                : series.stream()
                        .map(s -> new Series(
                                s.seriesInstanceUid(),
                                s.modality(),
                                s.seriesNumber(),
                                s.description(),
                                s.bodyPart(),
                                s.numberOfInstances()))
                        .toList();
        LinkedHashSet<String> allModalities = new LinkedHashSet<>(modalities == null ? List.of() : modalities);
        seriesList.forEach(s -> allModalities.add(s.modality()));
        if (report != null && report.findings() == null && report.impression() == null) {
            violations.add(new FieldViolation(field + "report.impression", "a report has findings or an impression"));
        }
        int instances = numberOfInstances != null
                ? numberOfInstances
                : seriesList.stream().mapToInt(Series::instanceCount).sum();
        String trimmedEndpoint = retrieveEndpoint.endsWith("/")
                ? retrieveEndpoint.substring(0, retrieveEndpoint.length() - 1)
                : retrieveEndpoint;
        return new NewStudy(
                field,
                studyInstanceUid,
                accessionNumber,
                identifiers,
                patientName == null ? null : new PersonName(patientName.alphabetic(), patientName.ideographic(), null),
                patientBirthDate,
                patientSex,
                studyAt,
                DateTimeFormatter.ofPattern("HHmmss").format(studyAt.atZone(zone)),
                dicomStudyId,
                description,
                referringPhysician,
                new ArrayList<>(allModalities),
                bodyPart,
                seriesList,
                numberOfSeries != null ? numberOfSeries : seriesList.size(),
                instances,
                referringInstitution,
                trimmedEndpoint,
                claimReferences,
                storageCreditCode,
                report == null
                        ? null
                        : new NewStudy.Report(
                                report.status(), report.findings(), report.impression(), report.reportedAt()));
    }
}
