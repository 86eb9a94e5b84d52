package org.sanyi.result.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sanyi.events.result.Analyte;
import org.sanyi.events.result.ResultKind;

/**
 * An item of the recognition catalogue (BR-E4): a lab test or exam that results are published for, with its
 * default validity window, reference price and whether the issuing lab needs a passed EQA. FHIR: the code of a
 * DiagnosticReport, LOINC where one fits.
 */
@Entity
@Table(name = "recognition_item")
public class RecognitionItem extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResultKind kind;

    @Column(nullable = false)
    public String category;

    public String loinc;

    /** DICOM modality of an exam (CT, MR, US, DX, ECG…). */
    public String modality;

    @Column(name = "validity_days", nullable = false)
    public int validityDays;

    @Column(name = "reference_price", nullable = false)
    public BigDecimal referencePrice;

    @Column(name = "requires_eqa", nullable = false)
    public boolean requiresEqa;

    /** CT and MRI: repeats feed the large-equipment appropriateness review (EXR-07). */
    @Column(name = "large_equipment", nullable = false)
    public boolean largeEquipment;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Analyte> analytes = List.of();

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    @Column(name = "published_version", nullable = false)
    public long publishedVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public Optional<Analyte> analyte(String analyteCode) {
        return analytes.stream().filter(a -> a.code().equals(analyteCode)).findFirst();
    }
}
