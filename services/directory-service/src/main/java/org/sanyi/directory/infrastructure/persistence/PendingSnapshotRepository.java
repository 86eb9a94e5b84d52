package org.sanyi.directory.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Aggregates a SQL migration changed, whose snapshots the service has yet to publish. */
@ApplicationScoped
public class PendingSnapshotRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Removes and returns every pending row. Row locks make a second instance starting at the same moment wait and
     * then find nothing, so each snapshot is published once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingSnapshot> takeAll() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select aggregate_type, aggregate_id, changed_by from pending_snapshot"
                        + " order by aggregate_type, aggregate_id for update")
                .getResultList();
        entityManager.createNativeQuery("delete from pending_snapshot").executeUpdate();
        return rows.stream()
                .map(row -> new PendingSnapshot(
                        HistoryRepository.AggregateKind.valueOf((String) row[0]), (String) row[1], (String) row[2]))
                .toList();
    }

    public record PendingSnapshot(HistoryRepository.AggregateKind kind, String aggregateId, String changedBy) {}
}
