package org.sanyi.events.directory;

import java.time.LocalDate;

/**
 * One institution's membership of a group, effective from {@code validFrom} (inclusive) to {@code validTo}
 * (exclusive, open when null).
 */
public record Membership(String institutionCode, MembershipRole role, LocalDate validFrom, LocalDate validTo) {

    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
