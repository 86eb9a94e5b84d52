package org.sanyi.events.directory;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code org.sanyi.directory.institution.upserted.v1}: the full current state of one institution, so the
 * compacted topic alone rebuilds the directory. Carries no personal data.
 */
public record InstitutionSnapshot(
        String code,
        String name,
        InstitutionType type,
        CareLevel level,
        Ownership ownership,
        Region region,
        boolean active,
        List<Pairing> pairings,
        long version,
        Instant updatedAt) {

    public InstitutionSnapshot {
        pairings = pairings == null ? List.of() : List.copyOf(pairings);
    }
}
