package org.sanyi.directory.api.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.directory.GroupKind;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.events.directory.MembershipRole;

@Schema(name = "MedicalGroup", description = "A medical group with its effective-dated memberships")
public record GroupView(
        @Schema(example = "GRP-XP-YGT") String id,
        @Schema(example = "霞浦县总医院（县域医共体）") String name,
        @Schema(example = "COUNTY_MEDICAL_COMMUNITY") GroupKind kind,
        @Schema(example = "350921") String regionCode,
        List<MembershipView> memberships,
        @Schema(example = "2") long version,
        Instant updatedAt) {

    public static GroupView of(MedicalGroupSnapshot snapshot) {
        return new GroupView(
                snapshot.id(),
                snapshot.name(),
                snapshot.kind(),
                snapshot.regionCode(),
                snapshot.memberships().stream()
                        .map(m -> new MembershipView(m.institutionCode(), m.role(), m.validFrom(), m.validTo()))
                        .toList(),
                snapshot.version(),
                snapshot.updatedAt());
    }

    @Schema(name = "Membership")
    public record MembershipView(
            @Schema(example = "NDXP-H01") String institutionCode,
            @Schema(example = "LEAD") MembershipRole role,
            @Schema(example = "2023-01-01") LocalDate validFrom,
            @Schema(nullable = true) LocalDate validTo) {}
}
