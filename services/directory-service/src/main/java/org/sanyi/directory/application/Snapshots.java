package org.sanyi.directory.application;

import org.sanyi.directory.domain.Institution;
import org.sanyi.directory.domain.MedicalGroup;
import org.sanyi.directory.domain.RegionCodes;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.events.directory.Membership;
import org.sanyi.events.directory.Pairing;
import org.sanyi.events.directory.Region;

/** The full state of an aggregate as the event catalogue defines it; the API reads the same snapshots. */
public final class Snapshots {

    private Snapshots() {}

    public static InstitutionSnapshot of(Institution institution) {
        RegionCodes region = institution.region();
        return new InstitutionSnapshot(
                institution.code(),
                institution.name(),
                institution.type(),
                institution.level(),
                institution.ownership(),
                new Region(region.provinceCode(), region.cityCode(), region.countyCode(), region.townshipCode()),
                institution.active(),
                institution.pairings().stream()
                        .map(p -> new Pairing(p.partnerCode(), p.kind(), p.validFrom(), p.validTo()))
                        .toList(),
                institution.version(),
                institution.updatedAt());
    }

    public static MedicalGroupSnapshot of(MedicalGroup group) {
        return new MedicalGroupSnapshot(
                group.id(),
                group.name(),
                group.kind(),
                group.regionCode(),
                group.memberships().stream()
                        .map(m -> new Membership(m.institutionCode(), m.role(), m.validFrom(), m.validTo()))
                        .toList(),
                group.version(),
                group.updatedAt());
    }
}
