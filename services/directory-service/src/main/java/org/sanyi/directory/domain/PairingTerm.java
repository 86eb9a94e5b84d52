package org.sanyi.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.sanyi.events.directory.PairingKind;

/** One support relation the owning institution gives {@link #partnerCode()} during a period (REF-20). */
@Embeddable
public class PairingTerm {

    static final Comparator<PairingTerm> CANONICAL_ORDER = Comparator.comparing(PairingTerm::partnerCode)
            .thenComparing(PairingTerm::kind)
            .thenComparing(PairingTerm::validFrom);

    @Column(name = "partner_code", nullable = false)
    private String partnerCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private PairingKind kind;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected PairingTerm() {}

    public PairingTerm(String partnerCode, PairingKind kind, LocalDate validFrom, LocalDate validTo) {
        this.partnerCode = Objects.requireNonNull(partnerCode);
        this.kind = Objects.requireNonNull(kind);
        this.validFrom = Objects.requireNonNull(validFrom);
        this.validTo = validTo;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public PairingKind kind() {
        return kind;
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
        return other instanceof PairingTerm that
                && partnerCode.equals(that.partnerCode)
                && kind == that.kind
                && validFrom.equals(that.validFrom)
                && Objects.equals(validTo, that.validTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partnerCode, kind, validFrom, validTo);
    }
}
