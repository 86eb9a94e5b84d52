package org.sanyi.result.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An EQA / 室间质评 outcome of an institution or shared centre for one item, valid for a period (EXR-09). */
@Entity
@Table(name = "quality_status")
public class QualityStatus extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "institution_code", nullable = false)
    public String institutionCode;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(nullable = false)
    public boolean passed;

    /** Which scheme: e.g. 福建省临床检验中心 2026 年第一次室间质评. */
    @Column(nullable = false)
    public String scheme;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
