package org.sanyi.imaging.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.imaging.AccessBasis;
import org.sanyi.events.imaging.StudyStatus;
import org.sanyi.imaging.domain.Series;
import org.sanyi.imaging.domain.Study;
import org.sanyi.imaging.domain.StudyReport;
import org.sanyi.platform.patient.IdentifierDto;

@Schema(
        name = "Study",
        description = "An index entry; the report only for institutions that may see the study, never for insurers")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyView(
        String id,
        String studyInstanceUid,
        long version,
        StudyStatus status,
        String sourceInstitution,
        String accessionNumber,
        IdentifierDto patientIdentifier,
        Instant studyAt,
        List<String> modalities,
        String bodyPart,
        String description,
        int numberOfSeries,
        int numberOfInstances,
        List<Series> series,
        String referringInstitution,
        String readingCentre,
        Instant routedAt,
        StudyReport report,
        String retrieveUrl,
        @Schema(description = "医保影像云 national index ID, when the 医保 person code is known") String nhsaIndexId,
        List<String> claimReferences,
        @Schema(description = "Why the caller may see the study") AccessBasis accessBasis) {

    static StudyView of(Study s, AccessBasis basis) {
        boolean insurer = basis == AccessBasis.INSURER_CLAIM;
        return new StudyView(
                s.id.toString(),
                s.studyUid,
                s.version,
                s.status,
                s.sourceCode,
                s.accessionNumber,
                insurer ? null : IdentifierDto.of(s.patientIdSystem, s.patientIdValue),
                s.startedAt,
                s.modalities,
                s.bodyPart,
                s.description,
                s.seriesCount,
                s.instanceCount,
                s.series,
                s.referringCode,
                s.readingCentreCode,
                s.routedAt,
                insurer ? null : s.report,
                s.retrieveUrl(),
                s.nhsaIndexId,
                s.claimRefs.isEmpty() ? null : s.claimRefs,
                basis);
    }
}
