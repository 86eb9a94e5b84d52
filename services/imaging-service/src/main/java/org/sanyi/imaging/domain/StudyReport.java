package org.sanyi.imaging.domain;

import java.time.Instant;
import org.sanyi.events.imaging.ReportStatus;

/** The diagnostic report of a study (findings and impression), by the institution that read it. */
public record StudyReport(
        ReportStatus status, String findings, String impression, Instant reportedAt, String reportedBy) {}
