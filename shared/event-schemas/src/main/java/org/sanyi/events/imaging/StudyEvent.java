package org.sanyi.events.imaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.sanyi.events.directory.InstitutionRef;

/**
 * Data of the study events on {@code imaging.events.v1} (registered, amended, reported, reading-requested,
 * retracted): index metadata, the report's status and the retrieval endpoint; never the patient's identifier, name,
 * birth date, the report text or the 医保影像云 index ID (it contains the person's 人员管理码).
 *
 * @param retrieveUrl WADO-RS URL of the study at the source PACS; the pixels never leave it (BR-I2)
 * @param reportStatus absent until a report exists
 * @param reportedBy the institution that read the study: the source, or the reading centre it was routed to
 * @param readingCentre the 医共体 imaging centre the study was routed to for reading, if any
 * @param nhsaIndexed the 医保影像云 national index ID was computed (the 医保 person code was known)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyEvent(
        String studyId,
        long studyVersion,
        StudyStatus status,
        String studyInstanceUid,
        String patientPseudonym,
        InstitutionRef source,
        InstitutionRef referring,
        List<String> modalities,
        String bodyPart,
        Instant studyAt,
        int seriesCount,
        int instanceCount,
        String retrieveUrl,
        ReportStatus reportStatus,
        Instant reportedAt,
        InstitutionRef reportedBy,
        InstitutionRef readingCentre,
        Instant routedAt,
        boolean nhsaIndexed) {

    public StudyEvent {
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }
}
