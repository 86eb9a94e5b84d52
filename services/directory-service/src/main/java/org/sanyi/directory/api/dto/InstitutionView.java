package org.sanyi.directory.api.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.Ownership;
import org.sanyi.events.directory.PairingKind;

@Schema(name = "Institution", description = "An institution of the directory with the pairings it gives")
public record InstitutionView(
        @Schema(example = "NDXP-H01") String code,
        @Schema(example = "霞浦县医院") String name,
        @Schema(example = "GENERAL_HOSPITAL") InstitutionType type,
        @Schema(example = "SECONDARY") CareLevel level,
        @Schema(example = "GOVERNMENT") Ownership ownership,
        RegionView region,
        boolean active,
        List<PairingView> pairings,
        @Schema(example = "3", description = "Increases with every change; also the ETag") long version,
        Instant updatedAt) {

    public static InstitutionView of(InstitutionSnapshot snapshot) {
        return new InstitutionView(
                snapshot.code(),
                snapshot.name(),
                snapshot.type(),
                snapshot.level(),
                snapshot.ownership(),
                new RegionView(
                        snapshot.region().provinceCode(),
                        snapshot.region().cityCode(),
                        snapshot.region().countyCode(),
                        snapshot.region().townshipCode()),
                snapshot.active(),
                snapshot.pairings().stream()
                        .map(p -> new PairingView(p.partnerCode(), p.kind(), p.validFrom(), p.validTo()))
                        .toList(),
                snapshot.version(),
                snapshot.updatedAt());
    }

    @Schema(name = "Region")
    public record RegionView(
            @Schema(example = "350000") String provinceCode,
            @Schema(example = "350900") String cityCode,
            @Schema(example = "350921") String countyCode,
            @Schema(example = "350921101", nullable = true) String townshipCode) {}

    @Schema(name = "Pairing")
    public record PairingView(
            @Schema(example = "NDXP-THC01") String partnerCode,
            @Schema(example = "TOWNSHIP_PAIRING") PairingKind kind,
            @Schema(example = "2023-01-01") LocalDate validFrom,
            @Schema(nullable = true) LocalDate validTo) {}
}
