package org.sanyi.events.directory;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code org.sanyi.directory.group.upserted.v1}: the full current state of one medical group (城市医疗集团,
 * 县域医共体, 专科联盟…) with its effective-dated memberships. BR-F1.
 */
public record MedicalGroupSnapshot(
        String id,
        String name,
        GroupKind kind,
        String regionCode,
        List<Membership> memberships,
        long version,
        Instant updatedAt) {

    public MedicalGroupSnapshot {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
    }
}
