package org.sanyi.result.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.sanyi.events.result.DeclineReason;

/** The ordering clinician's decision on one item of a check (BR-E3): recognised (引用) or declined with a reason. */
@Entity
@Table(name = "recognition_decision")
public class RecognitionDecision extends PanacheEntityBase {

    public enum Outcome {
        RECOGNISED,
        DECLINED
    }

    @Id
    public UUID id;

    @Column(name = "check_id", nullable = false)
    public UUID checkId;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "result_id")
    public UUID resultId;

    @Column(name = "issuer_code")
    public String issuerCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    /** Free text for the medical record; never published. */
    public String note;

    @Column(name = "orderer_code", nullable = false)
    public String ordererCode;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "patient_pseudonym", nullable = false)
    public String patientPseudonym;

    /** The catalogue's reference price, counted as saved when recognised. */
    @Column(name = "avoided_fee", nullable = false)
    public BigDecimal avoidedFee = BigDecimal.ZERO;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    /** Set when the cited result was withdrawn. */
    @Column(name = "voided_at")
    public Instant voidedAt;
}
