package org.sanyi.result.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sanyi.events.result.ResultStatus;

/**
 * A published exam or lab result (FHIR DiagnosticReport with its Observations), identified for its issuer by
 * {@code (issuerCode, reportId)}. The issuer amends it (a new version) or withdraws it; nothing else changes it.
 */
@Entity
@Table(name = "result")
public class Result extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "issuer_code", nullable = false)
    public String issuerCode;

    @Column(name = "report_id", nullable = false)
    public String reportId;

    /** 0 when published, one more with every amendment and the withdrawal. */
    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResultStatus status;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    /** The lab or shared centre (医共体 检验/影像/心电中心) that performed it; its EQA status decides recognition. */
    @Column(name = "performer_code", nullable = false)
    public String performerCode;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "patient_pseudonym", nullable = false)
    public String patientPseudonym;

    @Column(name = "patient_id_system", nullable = false)
    public String patientIdSystem;

    @Column(name = "patient_id_value", nullable = false)
    public String patientIdValue;

    @Column(name = "specimen_at", nullable = false)
    public Instant specimenAt;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Observation> observations;

    public String findings;

    public String conclusion;

    /** Digest of the published content: a repeat with the same content is a retry, other content an amendment. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "repeat_of")
    public UUID repeatOf;

    @Column(name = "repeat_without_reason", nullable = false)
    public boolean repeatWithoutReason;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    public ResultSummary summary() {
        return new ResultSummary(id, issuerCode, performerCode, itemCode, status, specimenAt, reportedAt);
    }

    public boolean withdrawn() {
        return status == ResultStatus.WITHDRAWN;
    }

    /** The issuer and the performing centre see the result always. */
    public boolean isOwnedBy(String institutionCode) {
        return summary().isOwnedBy(institutionCode);
    }
}
