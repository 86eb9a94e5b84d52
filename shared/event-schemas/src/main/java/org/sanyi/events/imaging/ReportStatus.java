package org.sanyi.events.imaging;

/** Status of a study's diagnostic report (FHIR DiagnosticReport.status: preliminary, final, amended). */
public enum ReportStatus {
    PRELIMINARY,
    FINAL,
    AMENDED
}
