package org.sanyi.result.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Settings of the result service. Regional rules are data: recognition_policy and recognition_item. */
@ConfigMapping(prefix = "sanyi.result")
public interface ResultConfig {

    /** Zone in which dates are taken: result age in days, the policy in force, months of the statistics. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Policy policy();

    Check check();

    Batch batch();

    interface Policy {
        /** How soon a policy row written by another instance is used here. */
        @WithDefault("1m")
        Duration refreshInterval();
    }

    interface Check {
        /** Results considered per item of a check, newest first: older ones are past any validity window. */
        @WithDefault("20")
        int maxResultsPerItem();
    }

    interface Batch {
        /** Results per request of POST /v1/result-batches. */
        @WithDefault("500")
        int maxSize();
    }
}
