package org.sanyi.result.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sanyi.events.result.RecognitionScope;

/**
 * A region's recognition policy in force from {@code effectiveFrom} (BR-E2): the scopes in which another
 * institution's result is recognisable, per-item validity windows replacing the catalogue's, and how long a check
 * stays open for decisions and reads.
 */
public record RecognitionPolicy(
        String regionCode,
        int version,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String title,
        Parameters parameters) {

    /** The exchange-wide fallback, used where no region of the orderer has a policy. */
    public static final String FALLBACK_REGION = "000000";

    public record Parameters(List<RecognitionScope> scopes, Map<String, Integer> validityDays, int openCheckHours) {
        public Parameters {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            validityDays = validityDays == null ? Map.of() : Map.copyOf(validityDays);
        }
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    /** The item's validity window in days under this policy. */
    public int validityDays(RecognitionItem item) {
        return parameters.validityDays().getOrDefault(item.code, item.validityDays);
    }
}
