package org.sanyi.imaging.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sanyi.events.imaging.StudyStatus;

/**
 * One imaging study in the regional index (FHIR ImagingStudy, keyed by its Study Instance UID): what a PACS
 * registered, its report, where it was routed for reading. The pixels stay at {@link #retrieveBase}.
 */
public class Study {

    public UUID id;
    public String studyUid;
    public long version;
    public StudyStatus status;
    /** The institution whose PACS keeps the pixels and registered the study (storage institution). */
    public String sourceCode;

    public String accessionNumber;
    public UUID personId;
    public String patientPseudonym;
    /** The patient identifier the study is filed under (QIDO-RS PatientID with its issuer). */
    public String patientIdSystem;

    public String patientIdValue;
    public PersonName patientName;
    public LocalDate patientBirthDate;
    public String patientSex;
    public LocalDate studyDate;
    /** DICOM TM as the PACS gave it (HHMMSS.FFFFFF), or null. */
    public String studyTime;

    public Instant startedAt;
    public String dicomStudyId;
    public String description;
    public String referringPhysician;
    public List<String> modalities;
    public String bodyPart;
    public List<Series> series;
    public int seriesCount;
    public int instanceCount;
    public String referringCode;
    /** The source's WADO-RS base URL (ends before {@code /studies}). */
    public String retrieveBase;

    public List<String> claimRefs;
    public String storageCreditCode;
    public String nhsaIndexId;
    public String readingCentreCode;
    public Instant routedAt;
    public StudyReport report;
    public String contentHash;
    public Instant registeredAt;
    public Instant updatedAt;
    public Instant retractedAt;
    public String retractionReason;

    /** WADO-RS URL of the study at its source (the QIDO-RS RetrieveURL). */
    public String retrieveUrl() {
        return retrieveBase + "/studies/" + studyUid;
    }

    public boolean retracted() {
        return status == StudyStatus.RETRACTED;
    }
}
