package org.sanyi.events.referral;

/** The version of a region's referral policy that computed a referral's flags. */
public record AppliedPolicy(String regionCode, int version) {}
