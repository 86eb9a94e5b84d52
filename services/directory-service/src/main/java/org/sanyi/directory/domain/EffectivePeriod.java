package org.sanyi.directory.domain;

import java.time.LocalDate;

/** A period from {@code from} (inclusive) to {@code to} (exclusive; open-ended when null). */
public record EffectivePeriod(LocalDate from, LocalDate to) {

    public boolean isValid() {
        return to == null || to.isAfter(from);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && (to == null || date.isBefore(to));
    }

    public boolean overlaps(EffectivePeriod other) {
        boolean thisStartsBeforeOtherEnds = other.to == null || from.isBefore(other.to);
        boolean otherStartsBeforeThisEnds = to == null || other.from.isBefore(to);
        return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }
}
