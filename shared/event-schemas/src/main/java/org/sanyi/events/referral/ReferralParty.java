package org.sanyi.events.referral;

import org.sanyi.events.directory.CareLevel;

/** A sending or receiving institution as the directory described it when the referral was requested. */
public record ReferralParty(String institutionCode, CareLevel level, String countyCode) {}
