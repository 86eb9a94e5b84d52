package org.sanyi.imaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.directory.InstitutionRef;
import org.sanyi.events.imaging.StudyEvent;
import org.sanyi.imaging.domain.Study;

/**
 * Event data from a study: index metadata and pseudonym only; never the patient's identifier or name, the report text
 * or the 医保影像云 index ID (it contains the 人员管理码).
 */
@ApplicationScoped
public class StudyEvents {

    @Inject
    DirectoryReplica directory;

    public StudyEvent of(Study study) {
        return new StudyEvent(
                study.id.toString(),
                study.version,
                study.status,
                study.studyUid,
                study.patientPseudonym,
                party(study.sourceCode),
                study.referringCode == null ? null : party(study.referringCode),
                study.modalities,
                study.bodyPart,
                study.startedAt,
                study.seriesCount,
                study.instanceCount,
                study.retrieveUrl(),
                study.report == null ? null : study.report.status(),
                study.report == null ? null : study.report.reportedAt(),
                study.report == null ? null : party(study.report.reportedBy()),
                study.readingCentreCode == null ? null : party(study.readingCentreCode),
                study.routedAt,
                study.nhsaIndexId != null);
    }

    /** The institution as the directory describes it now. */
    public InstitutionRef party(String code) {
        return directory
                .institution(code)
                .map(i -> new InstitutionRef(
                        i.code(),
                        i.level(),
                        i.region() == null ? null : i.region().countyCode()))
                .orElse(new InstitutionRef(code, null, null));
    }
}
