package org.sanyi.directory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.BatchSize;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.Ownership;
import org.sanyi.events.directory.PairingKind;

/**
 * An institution of the regional directory with the support relations it gives. The version counts every change of
 * attributes or pairings; it is the optimistic lock, the ETag and the version of the published snapshot.
 */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstitutionType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "care_level", nullable = false)
    private CareLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Ownership ownership;

    @Embedded
    private RegionCodes region;

    @Column(nullable = false)
    private boolean active;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "institution_pairing", joinColumns = @JoinColumn(name = "institution_code"))
    @OrderBy("partnerCode, kind, validFrom")
    @BatchSize(size = 100)
    private List<PairingTerm> pairings = new ArrayList<>();

    protected Institution() {}

    /** A new institution at version 1. */
    public static Institution create(String code, InstitutionAttributes attributes, Instant now) {
        Institution institution = new Institution();
        institution.code = code;
        institution.version = 1;
        institution.apply(attributes);
        institution.updatedAt = now;
        return institution;
    }

    /** Replaces the attributes; returns false, touching nothing, when they are already these. */
    public boolean replaceAttributes(InstitutionAttributes attributes, Instant now) {
        if (attributes.equals(attributes())) {
            return false;
        }
        apply(attributes);
        updatedAt = now;
        return true;
    }

    /**
     * Replaces the pairings after checking them against the types of the partners they name ({@code partnerTypes},
     * by code; a partner missing from it is unknown). Returns false, touching nothing, when nothing changes.
     */
    public boolean replacePairings(
            List<PairingTerm> requested, Map<String, InstitutionType> partnerTypes, Instant now) {
        checkPairings(requested, partnerTypes);
        List<PairingTerm> canonical = new ArrayList<>(requested);
        canonical.sort(PairingTerm.CANONICAL_ORDER);
        if (canonical.equals(new ArrayList<>(pairings))) {
            return false;
        }
        pairings.clear();
        pairings.addAll(canonical);
        updatedAt = now;
        return true;
    }

    private void checkPairings(List<PairingTerm> requested, Map<String, InstitutionType> partnerTypes) {
        for (int i = 0; i < requested.size(); i++) {
            PairingTerm pairing = requested.get(i);
            String at = "pairings[" + i + "]";
            if (!pairing.period().isValid()) {
                throw Violations.at(DirectoryProblem.INVALID_PERIOD, at + ".validTo", "must be after validFrom");
            }
            if (pairing.partnerCode().equals(code)) {
                throw Violations.at(
                        DirectoryProblem.PAIRING_NOT_ALLOWED,
                        at + ".partnerCode",
                        "an institution cannot pair with itself");
            }
            InstitutionType partnerType = partnerTypes.get(pairing.partnerCode());
            if (partnerType == null) {
                throw Violations.at(
                        DirectoryProblem.UNKNOWN_INSTITUTION_REFERENCE,
                        at + ".partnerCode",
                        "no institution " + pairing.partnerCode());
            }
            checkPairingKind(pairing.kind(), partnerType, at);
            for (int j = 0; j < i; j++) {
                PairingTerm earlier = requested.get(j);
                if (earlier.partnerCode().equals(pairing.partnerCode())
                        && earlier.kind() == pairing.kind()
                        && earlier.period().overlaps(pairing.period())) {
                    throw Violations.at(
                            DirectoryProblem.OVERLAPPING_PERIODS,
                            at + ".validFrom",
                            "overlaps pairings[" + j + "] with the same partner and kind");
                }
            }
        }
    }

    private void checkPairingKind(PairingKind kind, InstitutionType partnerType, String at) {
        if (!type.deliversCare() || !partnerType.deliversCare()) {
            throw Violations.at(
                    DirectoryProblem.PAIRING_NOT_ALLOWED,
                    at + ".partnerCode",
                    "both institutions of a pairing deliver care; " + type + " and " + partnerType + " do not both");
        }
        InstitutionType required =
                switch (kind) {
                    case TOWNSHIP_PAIRING -> InstitutionType.TOWNSHIP_HEALTH_CENTER;
                    case VILLAGE_PAIRING -> InstitutionType.VILLAGE_CLINIC;
                    case COUNTERPART_SUPPORT, TRUSTEESHIP -> null;
                };
        if (required != null && partnerType != required) {
            throw Violations.at(
                    DirectoryProblem.PAIRING_NOT_ALLOWED,
                    at + ".kind",
                    kind + " pairs with a " + required + ", not a " + partnerType);
        }
    }

    private void apply(InstitutionAttributes attributes) {
        name = attributes.name();
        type = attributes.type();
        level = attributes.level();
        ownership = attributes.ownership();
        region = attributes.region();
        active = attributes.active();
    }

    public InstitutionAttributes attributes() {
        return new InstitutionAttributes(name, type, level, ownership, region, active);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public InstitutionType type() {
        return type;
    }

    public CareLevel level() {
        return level;
    }

    public Ownership ownership() {
        return ownership;
    }

    public RegionCodes region() {
        return region;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<PairingTerm> pairings() {
        return Collections.unmodifiableList(pairings);
    }
}
