package org.sanyi.directory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import org.sanyi.events.directory.GroupKind;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.MembershipRole;

/**
 * A medical group (城市医疗集团, 县域医共体, 医联体, 专科联盟) with its effective-dated memberships. The version counts
 * every change of attributes or memberships.
 */
@Entity
@Table(name = "medical_group")
public class MedicalGroup {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GroupKind kind;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "group_membership", joinColumns = @JoinColumn(name = "group_id"))
    @OrderBy("role, institutionCode, validFrom")
    @BatchSize(size = 100)
    private List<MembershipTerm> memberships = new ArrayList<>();

    protected MedicalGroup() {}

    /** A new group at version 1, without members. */
    public static MedicalGroup create(String id, GroupAttributes attributes, Instant now) {
        MedicalGroup group = new MedicalGroup();
        group.id = id;
        group.version = 1;
        group.apply(attributes);
        group.updatedAt = now;
        return group;
    }

    public boolean replaceAttributes(GroupAttributes attributes, Instant now) {
        if (attributes.equals(attributes())) {
            return false;
        }
        apply(attributes);
        updatedAt = now;
        return true;
    }

    /**
     * Replaces the memberships after checking them against the types of the institutions they name ({@code
     * memberTypes}, by code; an institution missing from it is unknown). Returns false when nothing changes.
     */
    public boolean replaceMemberships(
            List<MembershipTerm> requested, Map<String, InstitutionType> memberTypes, Instant now) {
        checkMemberships(requested, memberTypes);
        List<MembershipTerm> canonical = new ArrayList<>(requested);
        canonical.sort(MembershipTerm.CANONICAL_ORDER);
        if (canonical.equals(new ArrayList<>(memberships))) {
            return false;
        }
        memberships.clear();
        memberships.addAll(canonical);
        updatedAt = now;
        return true;
    }

    private static void checkMemberships(List<MembershipTerm> requested, Map<String, InstitutionType> memberTypes) {
        for (int i = 0; i < requested.size(); i++) {
            MembershipTerm membership = requested.get(i);
            String at = "memberships[" + i + "]";
            if (!membership.period().isValid()) {
                throw Violations.at(DirectoryProblem.INVALID_PERIOD, at + ".validTo", "must be after validFrom");
            }
            InstitutionType type = memberTypes.get(membership.institutionCode());
            if (type == null) {
                throw Violations.at(
                        DirectoryProblem.UNKNOWN_INSTITUTION_REFERENCE,
                        at + ".institutionCode",
                        "no institution " + membership.institutionCode());
            }
            if (!type.deliversCare()) {
                throw Violations.at(
                        DirectoryProblem.MEMBER_NOT_CARE_PROVIDER,
                        at + ".institutionCode",
                        membership.institutionCode() + " is a " + type + ", which delivers no care");
            }
            for (int j = 0; j < i; j++) {
                MembershipTerm earlier = requested.get(j);
                if (!earlier.period().overlaps(membership.period())) {
                    continue;
                }
                if (earlier.institutionCode().equals(membership.institutionCode())) {
                    throw Violations.at(
                            DirectoryProblem.OVERLAPPING_PERIODS,
                            at + ".validFrom",
                            "overlaps memberships[" + j + "] of the same institution");
                }
                if (earlier.role() == MembershipRole.LEAD && membership.role() == MembershipRole.LEAD) {
                    throw Violations.at(
                            DirectoryProblem.SEVERAL_LEADS,
                            at + ".role",
                            "memberships[" + j + "] is already the lead during this period");
                }
            }
        }
    }

    private void apply(GroupAttributes attributes) {
        name = attributes.name();
        kind = attributes.kind();
        regionCode = attributes.regionCode();
    }

    public GroupAttributes attributes() {
        return new GroupAttributes(name, kind, regionCode);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public GroupKind kind() {
        return kind;
    }

    public String regionCode() {
        return regionCode;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<MembershipTerm> memberships() {
        return Collections.unmodifiableList(memberships);
    }
}
