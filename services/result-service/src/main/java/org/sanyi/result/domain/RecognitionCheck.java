package org.sanyi.result.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sanyi.events.result.ClinicalContext;

/**
 * A check before ordering (WS/T 790.18 duplicate-exam reminder): the items an institution was about to order for a
 * patient and what the exchange found. While it is open, the orderer may read the recognisable results' values and
 * record decisions citing them; never other results.
 */
@Entity
@Table(name = "recognition_check")
public class RecognitionCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "orderer_code", nullable = false)
    public String ordererCode;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "patient_pseudonym", nullable = false)
    public String patientPseudonym;

    @Enumerated(EnumType.STRING)
    @Column(name = "clinical_context", nullable = false)
    public ClinicalContext clinicalContext;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "item_codes", nullable = false)
    public List<String> itemCodes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Candidate> candidates;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(name = "checked_by", nullable = false)
    public String checkedBy;

    @Column(name = "open_until", nullable = false)
    public Instant openUntil;

    public boolean isOpenAt(Instant now) {
        return now.isBefore(openUntil);
    }

    /** The recognisable candidate {@code resultId} of {@code itemCode}, if the check offered it. */
    public Optional<Candidate> recognisable(UUID resultId, String itemCode) {
        return candidates.stream()
                .filter(c -> c.recognisable()
                        && c.resultId().equals(resultId)
                        && c.itemCode().equals(itemCode))
                .findFirst();
    }

    public boolean offersRecognisable(UUID resultId) {
        return candidates.stream()
                .anyMatch(c -> c.recognisable() && c.resultId().equals(resultId));
    }
}
