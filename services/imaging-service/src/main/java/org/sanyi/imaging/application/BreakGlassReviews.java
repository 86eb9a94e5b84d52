package org.sanyi.imaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sanyi.events.EventType;
import org.sanyi.events.imaging.BreakGlassReviewEvent;
import org.sanyi.events.imaging.ReviewStatus;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.imaging.infrastructure.persistence.StudyRepository;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.security.CallerContext;

/** The 卫健委's review list of break-glass looks: each is found justified or not, once. */
@ApplicationScoped
@Transactional
public class BreakGlassReviews {

    private static final int MAX_ENTRIES = 500;

    @Inject
    StudyRepository repository;

    @Inject
    CallerContext callerContext;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    /** A break-glass look as the reviewer sees it: who, when, why, how many studies; pseudonym only. */
    public record BreakGlassAccess(
            UUID accessId,
            Instant accessedAt,
            String institutionCode,
            String subject,
            String reason,
            String patientPseudonym,
            int studies,
            ReviewStatus reviewStatus,
            String reviewedBy,
            Instant reviewedAt,
            String reviewNote) {}

    public List<BreakGlassAccess> list(ReviewStatus status) {
        return repository.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select id, accessed_at,"
                    + " institution_code, subject, break_glass_reason, patient_pseudonym, cardinality(study_ids),"
                    + " review_status, reviewed_by, reviewed_at, review_note from study_access"
                    + " where review_status = ? order by accessed_at limit ?")) {
                statement.setString(1, status.name());
                statement.setInt(2, MAX_ENTRIES);
                List<BreakGlassAccess> entries = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        entries.add(row(rows));
                    }
                }
                return entries;
            }
        });
    }

    public BreakGlassAccess review(UUID accessId, ReviewStatus outcome, String note) {
        if (outcome == ReviewStatus.PENDING) {
            throw ApiProblem.invalidField("outcome", "must be JUSTIFIED or UNJUSTIFIED");
        }
        String reviewer =
                callerContext.institutionCode() + "/" + callerContext.caller().subject();
        Instant now = Timestamps.now();
        BreakGlassAccess reviewed = repository.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("update study_access set review_status = ?,"
                    + " reviewed_by = ?, reviewed_at = ?, review_note = ? where id = ? and review_status = 'PENDING'"
                    + " returning id, accessed_at, institution_code, subject, break_glass_reason, patient_pseudonym,"
                    + " cardinality(study_ids), review_status, reviewed_by, reviewed_at, review_note")) {
                statement.setString(1, outcome.name());
                statement.setString(2, reviewer);
                statement.setTimestamp(3, Timestamp.from(now));
                statement.setString(4, note);
                statement.setObject(5, accessId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? row(rows) : null;
                }
            }
        });
        if (reviewed == null) {
            boolean breakGlassAccess = repository.work(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "select 1 from study_access where id = ? and review_status is not null")) {
                    statement.setObject(1, accessId);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next();
                    }
                }
            });
            throw breakGlassAccess
                    ? new ApiProblem(ImagingProblem.ACCESS_REVIEWED, "Access " + accessId + " was reviewed already")
                    : new ApiProblem(ImagingProblem.ACCESS_NOT_FOUND, "No break-glass access " + accessId);
        }
        outbox.publish(
                EventType.BREAK_GLASS_REVIEWED,
                accessId.toString(),
                new BreakGlassReviewEvent(accessId.toString(), reviewed.institutionCode(), outcome, reviewer, now));
        audit.record(AuditAction.UPDATE, "ImagingBreakGlassReview", accessId.toString(), reviewed.patientPseudonym());
        return reviewed;
    }

    private static BreakGlassAccess row(ResultSet rows) throws java.sql.SQLException {
        Timestamp reviewedAt = rows.getTimestamp(10);
        return new BreakGlassAccess(
                rows.getObject(1, UUID.class),
                rows.getTimestamp(2).toInstant(),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getInt(7),
                ReviewStatus.valueOf(rows.getString(8)),
                rows.getString(9),
                reviewedAt == null ? null : reviewedAt.toInstant(),
                rows.getString(11));
    }
}
