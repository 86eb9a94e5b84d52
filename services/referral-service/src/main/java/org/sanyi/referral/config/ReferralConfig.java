package org.sanyi.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Settings of the referral service. Regional rules are not here: they are data in {@code referral_policy}. */
@ConfigMapping(prefix = "sanyi.referral")
public interface ReferralConfig {

    Expiry expiry();

    Policy policy();

    /** Zone in which referral dates are taken: the policy in force, months of the statistics. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    interface Expiry {
        /**
         * How often referrals past their answer deadline are expired; also {@code sanyi.referral.expiry.sweep-interval}
         * in the {@code @Scheduled} expression. The deadline itself comes from the region's policy.
         */
        @WithDefault("30s")
        Duration sweepInterval();

        /** Referrals expired per transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface Policy {
        /** How soon a policy row added to {@code referral_policy} is used. */
        @WithDefault("1m")
        Duration refreshInterval();
    }
}
