package org.sanyi.referral.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
        Set<UUID> failing = new HashSet<>();
        try {
            int expired;
            do {
                try {
                    expired = expireDue(config.expiry().batchSize(), failing);
                } catch (ExpiryFailed e) {
                    // One referral that cannot expire must not hold back the others: leave it out and go on.
                    failing.add(e.referralId);
                    LOG.errorf(
                            "Referral %s could not expire and is left as it is until the next sweep: %s",
                            e.referralId, e.getCause().toString());
                    expired = config.expiry().batchSize();
                }
            } while (expired == config.expiry().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Referral expiry sweep failed, next run retries: %s", e.toString());
        }
    }

    /**
     * Expires up to {@code limit} overdue referrals, other than {@code excluded}, in one transaction; returns how many.
     *
     * @throws ExpiryFailed naming the referral whose expiry failed; the whole batch is rolled back
     */
    @Transactional
    public int expireDue(int limit, Set<UUID> excluded) {
        Instant now = Timestamps.now();
        List<Referral> referrals = repository.dueForExpiry(now, limit, excluded);
        if (referrals.isEmpty()) {
            return 0;
        }
        for (Referral referral : referrals) {
            referral.expire(now);
        }
        repository.flush();
        for (Referral referral : referrals) {
            try {
                outbox.publish(
                        EventType.REFERRAL_EXPIRED,
                        referral.id.toString(),
                        ReferralEvents.of(EventType.REFERRAL_EXPIRED, referral));
            } catch (RuntimeException e) {
                throw new ExpiryFailed(referral.id, e);
            }
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

    /** The expiry of one referral failed (its event does not validate, say); its transaction is rolled back. */
    static final class ExpiryFailed extends RuntimeException {
        final UUID referralId;

        ExpiryFailed(UUID referralId, RuntimeException cause) {
            super("expiry of referral " + referralId + " failed", cause);
            this.referralId = referralId;
        }
    }
}
