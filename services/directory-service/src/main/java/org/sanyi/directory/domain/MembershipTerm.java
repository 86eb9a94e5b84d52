package org.sanyi.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.sanyi.events.directory.MembershipRole;

/** One institution's membership of the owning group, in a role, during a period (BR-F1). */
@Embeddable
public class MembershipTerm {

    static final Comparator<MembershipTerm> CANONICAL_ORDER = Comparator.comparing(MembershipTerm::role)
            .thenComparing(MembershipTerm::institutionCode)
            .thenComparing(MembershipTerm::validFrom);

    @Column(name = "institution_code", nullable = false)
    private String institutionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private MembershipRole role;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected MembershipTerm() {}

    public MembershipTerm(String institutionCode, MembershipRole role, LocalDate validFrom, LocalDate validTo) {
        this.institutionCode = Objects.requireNonNull(institutionCode);
        this.role = Objects.requireNonNull(role);
        this.validFrom = Objects.requireNonNull(validFrom);
        this.validTo = validTo;
    }

    public String institutionCode() {
        return institutionCode;
    }

    public MembershipRole role() {
        return role;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public EffectivePeriod period() {
        return new EffectivePeriod(validFrom, validTo);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MembershipTerm that
                && institutionCode.equals(that.institutionCode)
                && role == that.role
                && validFrom.equals(that.validFrom)
                && Objects.equals(validTo, that.validTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(institutionCode, role, validFrom, validTo);
    }
}
