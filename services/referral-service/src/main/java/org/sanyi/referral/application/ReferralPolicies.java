package org.sanyi.referral.application;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sanyi.referral.domain.ReferralPolicy;
import org.sanyi.referral.infrastructure.persistence.ReferralPolicyRepository;

/**
 * The regional referral policies, read from {@code referral_policy} at start and re-read periodically, so creating a
 * referral never waits on a policy query. A region's newest version in force on the referral date applies.
 */
@ApplicationScoped
public class ReferralPolicies {

    private static final Logger LOG = Logger.getLogger(ReferralPolicies.class);

    @Inject
    ReferralPolicyRepository storedPolicies;

    /** Versions per region, newest effective date first. */
    private volatile Map<String, List<ReferralPolicy>> byRegion = Map.of();

    void load(@Observes StartupEvent startup) throws SQLException {
        // A policy that does not parse must stop the service at start, not surface at the first referral.
        byRegion = read();
    }

    /** Re-reads every version; on failure the versions loaded before stay in use. */
    @Scheduled(
            every = "${sanyi.referral.policy.refresh-interval}",
            delayed = "${sanyi.referral.policy.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            byRegion = read();
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("Referral policies not refreshed, keeping the versions loaded before: %s", e.toString());
        }
    }

    /**
     * The policy of the first region in {@code regionCodes} (most specific first) that has a version in force on
     * {@code date}, else the exchange-wide fallback.
     */
    public ReferralPolicy applicable(List<String> regionCodes, LocalDate date) {
        for (String region : regionCodes) {
            Optional<ReferralPolicy> policy = inForce(region, date);
            if (policy.isPresent()) {
                return policy.get();
            }
        }
        return inForce(ReferralPolicy.FALLBACK_REGION, date)
                .orElseThrow(() -> new IllegalStateException(
                        "No referral policy in force on " + date + ", not even for " + ReferralPolicy.FALLBACK_REGION));
    }

    private Optional<ReferralPolicy> inForce(String region, LocalDate date) {
        if (region == null) {
            return Optional.empty();
        }
        return byRegion.getOrDefault(region, List.of()).stream()
                .filter(p -> p.inForceOn(date))
                .findFirst();
    }

    private Map<String, List<ReferralPolicy>> read() throws SQLException {
        Map<String, List<ReferralPolicy>> policies = new HashMap<>();
        for (ReferralPolicy policy : storedPolicies.all()) {
            policies.computeIfAbsent(policy.regionCode(), r -> new ArrayList<>())
                    .add(policy);
        }
        policies.values()
                .forEach(versions -> versions.sort(Comparator.comparing(ReferralPolicy::effectiveFrom)
                        .thenComparing(ReferralPolicy::version)
                        .reversed()));
        Map<String, List<ReferralPolicy>> frozen = new HashMap<>();
        policies.forEach((region, versions) -> frozen.put(region, List.copyOf(versions)));
        return Map.copyOf(frozen);
    }
}
