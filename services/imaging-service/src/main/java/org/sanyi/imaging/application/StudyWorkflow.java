package org.sanyi.imaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.EventType;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.events.directory.Membership;
import org.sanyi.events.directory.MembershipRole;
import org.sanyi.events.imaging.ReportStatus;
import org.sanyi.events.imaging.StudyStatus;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.imaging.domain.Study;
import org.sanyi.imaging.domain.StudyReport;
import org.sanyi.imaging.infrastructure.persistence.StudyRepository;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.security.CallerContext;

/**
 * What happens to a study after registration: routing to the 医共体's imaging centre for reading (IMG-05, BR-I4), the
 * report by the source or that centre, and retraction by the source. Each is a new version with its event.
 */
@ApplicationScoped
@Transactional
public class StudyWorkflow {

    @Inject
    StudyRepository repository;

    @Inject
    DirectoryReplica directory;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    CallerContext callerContext;

    @Inject
    StudyEvents events;

    public record ReportCommand(ReportStatus status, String findings, String impression, Instant reportedAt) {}

    /**
     * Routes the source's study to a reading centre: the one named, or the lead of a medical group both belong to.
     */
    public Study route(String studyUid, Optional<String> centre) {
        Study study = ownStudy(studyUid, "route");
        String source = study.sourceCode;
        String reader = centre.orElseGet(() -> leadOfGroup(source, study)
                .orElseThrow(() -> new ApiProblem(
                        ImagingProblem.NO_READING_CENTRE,
                        "Institution " + source + " belongs to no medical group with a lead institution on "
                                + study.studyDate)));
        if (reader.equals(source)
                || !directory.sameGroup(source, reader, study.studyDate)
                || directory.isGrassroots(reader)) {
            throw new ApiProblem(
                    ImagingProblem.NO_READING_CENTRE,
                    "'" + reader + "' is not a non-grassroots member of a medical group that " + source
                            + " belonged to on " + study.studyDate);
        }
        study.readingCentreCode = reader;
        study.routedAt = Timestamps.now();
        save(study, EventType.STUDY_READING_REQUESTED, AuditAction.UPDATE);
        return study;
    }

    /** Adds or changes the report; by the source, or by the reading centre the study was routed to. */
    public Study report(String studyUid, ReportCommand command) {
        Study study = repository
                .byUid(studyUid)
                .orElseThrow(() -> new ApiProblem(ImagingProblem.STUDY_NOT_FOUND, "No study " + studyUid));
        String caller = callerContext.institutionCode();
        if (!caller.equals(study.sourceCode) && !caller.equals(study.readingCentreCode)) {
            throw new ApiProblem(
                    ImagingProblem.NOT_THE_READER,
                    "Institution " + caller + " neither registered study " + studyUid + " nor was sent it to read");
        }
        requireInForce(study);
        if (command.reportedAt().isBefore(study.startedAt)) {
            throw ApiProblem.invalidField("reportedAt", "must not lie before the study");
        }
        if (command.reportedAt().isAfter(Timestamps.now().plus(StudyRegistry.CLOCK_SKEW))) {
            throw ApiProblem.invalidField("reportedAt", "must not lie in the future");
        }
        if (study.report != null
                && command.status() == ReportStatus.PRELIMINARY
                && study.report.status() != ReportStatus.PRELIMINARY) {
            throw new ApiProblem(
                    PlatformProblem.VALIDATION_FAILED,
                    "The study has a final report; a change is sent with status AMENDED",
                    java.util.List.of(new FieldViolation("status", "must be FINAL or AMENDED after a final report")));
        }
        study.report = new StudyReport(
                command.status(), command.findings(), command.impression(), command.reportedAt(), caller);
        save(study, EventType.STUDY_REPORTED, AuditAction.UPDATE);
        return study;
    }

    public Study retract(String studyUid, String reason) {
        Study study = ownStudy(studyUid, "retract");
        Instant now = Timestamps.now();
        study.status = StudyStatus.RETRACTED;
        study.retractedAt = now;
        study.retractionReason = reason;
        save(study, EventType.STUDY_RETRACTED, AuditAction.UPDATE);
        return study;
    }

    private Study ownStudy(String studyUid, String what) {
        Study study = repository
                .byUid(studyUid)
                .orElseThrow(() -> new ApiProblem(ImagingProblem.STUDY_NOT_FOUND, "No study " + studyUid));
        if (!study.sourceCode.equals(callerContext.institutionCode())) {
            throw new ApiProblem(
                    ImagingProblem.STUDY_OF_ANOTHER_SOURCE,
                    "Only " + study.sourceCode + ", which registered study " + studyUid + ", may " + what + " it");
        }
        requireInForce(study);
        return study;
    }

    private static void requireInForce(Study study) {
        if (study.retracted()) {
            throw new ApiProblem(ImagingProblem.STUDY_RETRACTED, "Study " + study.studyUid + " was retracted");
        }
    }

    private Optional<String> leadOfGroup(String source, Study study) {
        for (MedicalGroupSnapshot group : directory.commonGroups(source, source, study.studyDate)) {
            for (Membership member : group.memberships()) {
                if (member.role() == MembershipRole.LEAD
                        && member.effectiveOn(study.studyDate)
                        && !member.institutionCode().equals(source)) {
                    return Optional.of(member.institutionCode());
                }
            }
        }
        return Optional.empty();
    }

    private void save(Study study, EventType type, AuditAction action) {
        study.version++;
        study.updatedAt = Timestamps.now();
        if (!repository.update(study)) {
            throw new ApiProblem(
                    PlatformProblem.CONCURRENT_MODIFICATION, "Study " + study.studyUid + " was changed meanwhile");
        }
        outbox.publish(type, study.id.toString(), events.of(study));
        audit.record(action, StudyRegistry.AUDIT_RESOURCE, study.id.toString(), study.patientPseudonym);
    }
}
