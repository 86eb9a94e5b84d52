package org.sanyi.referral.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.sanyi.events.EventType;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.referral.config.ReferralConfig;
import org.sanyi.referral.domain.Referral;
import org.sanyi.referral.infrastructure.persistence.ReferralRepository;

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
    ReferralRepository repository;

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
        Instant now = Timestamps.now();
        List<Referral> referrals = repository.dueForExpiry(now, limit);
        if (referrals.isEmpty()) {
            return 0;
        }
        for (Referral referral : referrals) {
            referral.expire(now);
        }
        repository.flush();
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
