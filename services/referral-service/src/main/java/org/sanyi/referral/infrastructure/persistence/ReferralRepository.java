package org.sanyi.referral.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanyi.events.referral.ReferralStatus;
import org.sanyi.referral.domain.Referral;
import org.sanyi.referral.domain.ReferralSide;

/** Where referrals are stored: every query of the referral table, so the use cases read as business steps. */
@ApplicationScoped
public class ReferralRepository {

    @Inject
    EntityManager entityManager;

    public Optional<Referral> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Referral.class, id));
    }

    /** Writes pending changes now, so a concurrent change surfaces here (409) and events carry the new version. */
    public void flush() {
        entityManager.flush();
    }

    /**
     * The institution's referrals on {@code side}, newest first, after the position {@code (before, beforeId)} when
     * given, at most {@code limit}.
     */
    public List<Referral> ofInstitution(
            String institution, ReferralSide side, ReferralStatus status, int limit, Instant before, UUID beforeId) {
        StringBuilder query = new StringBuilder(
                switch (side) {
                    case SENT -> "senderCode = :institution";
                    case RECEIVED -> "receiverCode = :institution";
                    case BOTH -> "(senderCode = :institution or receiverCode = :institution)";
                });
        if (status != null) {
            query.append(" and status = :status");
        }
        if (before != null) {
            query.append(" and (requestedAt < :before or (requestedAt = :before and id < :beforeId))");
        }
        var select = entityManager
                .createQuery("from Referral where " + query + " order by requestedAt desc, id desc", Referral.class)
                .setParameter("institution", institution)
                .setMaxResults(limit);
        if (status != null) {
            select.setParameter("status", status);
        }
        if (before != null) {
            select.setParameter("before", before).setParameter("beforeId", beforeId);
        }
        return select.getResultList();
    }

    /**
     * Up to {@code limit} unanswered referrals whose answer was due by {@code now}, locked for this transaction;
     * rows another transaction holds (an answer in flight) are skipped, so several instances share the work, and so
     * are the {@code excluded} ones (those whose expiry failed in this sweep).
     */
    public List<Referral> dueForExpiry(Instant now, int limit, Set<UUID> excluded) {
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager
                .createNativeQuery("select id from referral where status in ('REQUESTED', 'REVIEWED')"
                        + " and answer_due_at <= :now and id not in (:excluded)"
                        + " order by answer_due_at limit :limit for update skip locked")
                .setParameter("now", now)
                // "not in ()" is not SQL: an id no referral has stands for "none excluded".
                .setParameter("excluded", excluded.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(excluded))
                .setParameter("limit", limit)
                .getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        return entityManager
                .createQuery("from Referral where id in :ids", Referral.class)
                .setParameter("ids", due)
                .getResultList();
    }
}
