package org.sanyi.referral.domain;

import java.time.LocalDate;

/**
 * One version of a region's referral policy, in force from {@code effectiveFrom} (inclusive) until {@code
 * effectiveTo} (exclusive; open when null) or until a later version takes over. The region is a GB/T 2260 code
 * (county, city or province); {@link #FALLBACK_REGION} applies where no region has its own policy.
 */
public record ReferralPolicy(
        String regionCode, int version, LocalDate effectiveFrom, LocalDate effectiveTo, PolicyParameters parameters) {

    /** The exchange-wide baseline: no regional benefits, flags still computed. */
    public static final String FALLBACK_REGION = "000000";

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }
}
