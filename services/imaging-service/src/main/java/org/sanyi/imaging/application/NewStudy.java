package org.sanyi.imaging.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sanyi.events.imaging.ReportStatus;
import org.sanyi.imaging.domain.PersonName;
import org.sanyi.imaging.domain.Series;
import org.sanyi.kernel.Identifier;

/**
 * A study as a PACS registers it, from our JSON or from DICOM JSON, checked for shape; {@link StudyRegistry} checks
 * the rest. {@code field} prefixes the names of refused fields (studies[3]. in a batch).
 *
 * @param patientIdentifiers normalised; the first is the one the study is filed under (QIDO-RS PatientID)
 * @param studyTime DICOM TM as the PACS gave it, or null
 * @param retrieveBase the source's WADO-RS base URL, before {@code /studies}
 */
public record NewStudy(
        String field,
        String studyUid,
        String accessionNumber,
        List<Identifier> patientIdentifiers,
        PersonName patientName,
        LocalDate patientBirthDate,
        String patientSex,
        Instant studyAt,
        String studyTime,
        String dicomStudyId,
        String description,
        String referringPhysician,
        List<String> modalities,
        String bodyPart,
        List<Series> series,
        int seriesCount,
        int instanceCount,
        String referringCode,
        String retrieveBase,
        List<String> claimRefs,
        String storageCreditCode,
        Report report) {

    /** A report given with the registration, read by the source itself. */
    public record Report(ReportStatus status, String findings, String impression, Instant reportedAt) {}

    public NewStudy {
        modalities = List.copyOf(modalities);
        series = List.copyOf(series);
        claimRefs = claimRefs == null ? List.of() : List.copyOf(claimRefs);
    }

    /** What the idempotency of a registration compares: everything but the field prefix. */
    Object content() {
        return new NewStudy(
                "",
                studyUid,
                accessionNumber,
                patientIdentifiers,
                patientName,
                patientBirthDate,
                patientSex,
                studyAt,
                studyTime,
                dicomStudyId,
                description,
                referringPhysician,
                modalities,
                bodyPart,
                series,
                seriesCount,
                instanceCount,
                referringCode,
                retrieveBase,
                claimRefs,
                storageCreditCode,
                report);
    }
}
