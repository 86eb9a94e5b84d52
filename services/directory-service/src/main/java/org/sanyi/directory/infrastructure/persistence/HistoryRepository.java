package org.sanyi.directory.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * One row per published version of an institution or a group, holding the snapshot as published. Rows are only
 * ever inserted: this is what "the directory said X on day D" is answered from.
 */
@ApplicationScoped
public class HistoryRepository {

    @Inject
    EntityManager entityManager;

    /** Inserts the version's row; a version recorded before (a repeated seed run) is left as it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            AggregateKind kind,
            String id,
            long version,
            Instant changedAt,
            String subject,
            String institutionCode,
            String snapshotJson) {
        entityManager
                .createNativeQuery("insert into " + kind.historyTable + " (" + kind.idColumn
                        + ", version, changed_at, changed_by_subject, changed_by_institution, snapshot)"
                        + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb)) on conflict do nothing")
                .setParameter(1, id)
                .setParameter(2, version)
                .setParameter(3, Timestamp.from(changedAt))
                .setParameter(4, subject)
                .setParameter(5, institutionCode)
                .setParameter(6, snapshotJson)
                .executeUpdate();
    }

    /** Every recorded version, newest first. */
    public List<HistoryEntry> versionsOf(AggregateKind kind, String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select version, changed_at, changed_by_subject, changed_by_institution,"
                        + " snapshot::text from " + kind.historyTable + " where " + kind.idColumn + " = ?1"
                        + " order by version desc")
                .setParameter(1, id)
                .getResultList();
        return rows.stream()
                .map(row -> new HistoryEntry(
                        ((Number) row[0]).longValue(), toInstant(row[1]), (String) row[2], (String) row[3], (String)
                                row[4]))
                .toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offsetDateTime) {
            return offsetDateTime.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    public enum AggregateKind {
        INSTITUTION("institution_history", "code"),
        MEDICAL_GROUP("medical_group_history", "group_id");

        private final String historyTable;
        private final String idColumn;

        AggregateKind(String historyTable, String idColumn) {
            this.historyTable = historyTable;
            this.idColumn = idColumn;
        }
    }

    public record HistoryEntry(
            long version,
            Instant changedAt,
            String changedBySubject,
            String changedByInstitution,
            String snapshotJson) {}
}
