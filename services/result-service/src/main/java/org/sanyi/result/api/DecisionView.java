package org.sanyi.result.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.result.DeclineReason;
import org.sanyi.result.domain.RecognitionDecision;

@Schema(name = "DecisionRecord", description = "A recorded decision; voided when the cited result was withdrawn")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(
        UUID id,
        UUID checkId,
        String itemCode,
        RecognitionDecision.Outcome outcome,
        UUID resultId,
        String issuerInstitution,
        DeclineReason reason,
        String note,
        BigDecimal avoidedFee,
        Instant decidedAt,
        boolean voided) {

    static DecisionView of(RecognitionDecision decision) {
        return new DecisionView(
                decision.id,
                decision.checkId,
                decision.itemCode,
                decision.outcome,
                decision.resultId,
                decision.issuerCode,
                decision.declineReason,
                decision.note,
                decision.avoidedFee,
                decision.decidedAt,
                decision.voidedAt != null);
    }
}
