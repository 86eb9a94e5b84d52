package org.sanyi.events.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import org.sanyi.events.directory.InstitutionRef;

/**
 * Data of {@code org.sanyi.result.recognised.v1} and {@code org.sanyi.result.declined.v1}: the ordering clinician's
 * decision on one item of a check. Carries the coded reason, never the clinician's note.
 *
 * @param resultId the cited result (recognised), or the recognisable result set aside (declined, when given)
 * @param basis why the cited result was recognisable (recognised only)
 * @param avoidedFee the catalogue's reference price in 元 (recognised), else 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionEvent(
        String decisionId,
        String checkId,
        InstitutionRef orderer,
        String patientPseudonym,
        String itemCode,
        boolean largeEquipment,
        String resultId,
        String issuerCode,
        RecognitionScope basis,
        DeclineReason declineReason,
        BigDecimal avoidedFee,
        Instant decidedAt) {}
