package org.sanyi.referral.domain;

/** What a referral attachment points to; the documents stay with their source systems. */
public enum AttachmentKind {
    /** An exam report (FHIR DiagnosticReport) in the result-recognition service, by its id. */
    EXAM_REPORT,
    /** A lab report (FHIR DiagnosticReport with Observations), by its id. */
    LAB_REPORT,
    /** An imaging study (FHIR ImagingStudy) in the imaging cloud, by its DICOM Study Instance UID. */
    IMAGING_STUDY
}
