package org.sanyi.events.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.sanyi.events.directory.InstitutionRef;

/**
 * Data of every result event (published, amended, withdrawn) on {@code result.events.v1}: codes and a pseudonym,
 * never a value, finding, conclusion, name or identifier number, because insurers and regulators read the topic.
 *
 * @param eqaPassed whether the performing lab had a valid EQA pass for the item on the specimen date (or the item
 *     needs none)
 * @param repeatOf a recognisable result of another institution this one repeats within its validity window
 * @param repeatWithoutReason the repeat was ordered with no decline reason recorded (a duplicate-exam claim may be
 *     queried)
 * @param voidedRecognitions on a withdrawal: the recognitions that cited this result, now void
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultEvent(
        String resultId,
        long resultVersion,
        ResultStatus status,
        String patientPseudonym,
        InstitutionRef issuer,
        InstitutionRef performer,
        String itemCode,
        ResultKind kind,
        boolean largeEquipment,
        Instant specimenAt,
        Instant reportedAt,
        boolean eqaPassed,
        String repeatOf,
        Boolean repeatWithoutReason,
        List<VoidedRecognition> voidedRecognitions) {}
