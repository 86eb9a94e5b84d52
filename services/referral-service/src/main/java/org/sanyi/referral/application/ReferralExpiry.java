package org.sanyi.referral.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.sanyi.events.EventType;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.referral.config.ReferralConfig;
import org.sanyi.referral.domain.Referral;

/**
 * Expires referrals whose receiver did not answer before the deadline of the region's policy. Rows are claimed with {@code for update skip locked}, so several instances share the work, and a
 * transition racing the sweep loses on the version check like any other concurrent change.
 */
@ApplicationScoped
public class ReferralExpiry {

    private static final Logger LOG = Logger.getLogger(ReferralExpiry.class);

    /** The system actor's subject in the audit records of this job. */
    static final String AUDIT_JOB = "referral-expiry";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    ReferralConfig config;

    @Scheduled(
            identity = "referral-expiry",
            every = "${sanyi.referral.expiry.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int expired;
            do {
                expired = expireDue(config.expiry().batchSize());
            } while (expired == config.expiry().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Referral expiry sweep failed, next run retries: %s", e.toString());
        }
    }

    /** Expires up to {@code limit} overdue referrals in one transaction; returns how many. */
    @Transactional
    public int expireDue(int limit) {
        Instant now = ReferralService.now();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager
                .createNativeQuery("select id from referral where status in ('REQUESTED', 'REVIEWED')"
                        + " and answer_due_at <= ?1 order by answer_due_at limit ?2 for update skip locked")
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        List<Referral> referrals = entityManager
                .createQuery("from Referral where id in :ids", Referral.class)
                .setParameter("ids", due)
                .getResultList();
        for (Referral referral : referrals) {
            referral.expire(now);
        }
        entityManager.flush();
        for (Referral referral : referrals) {
            outbox.publish(
                    EventType.REFERRAL_EXPIRED,
                    referral.id.toString(),
                    ReferralEvents.of(EventType.REFERRAL_EXPIRED, referral));
            audit.recordAsSystem(
                    AUDIT_JOB,
                    PurposeOfUse.HOPERAT,
                    AuditAction.UPDATE,
                    ReferralService.AUDIT_RESOURCE,
                    referral.id.toString(),
                    referral.patientPseudonym);
        }
        return referrals.size();
    }
}
