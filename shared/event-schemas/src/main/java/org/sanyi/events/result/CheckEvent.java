package org.sanyi.events.result;

import java.time.Instant;
import java.util.List;
import org.sanyi.events.directory.InstitutionRef;

/** Data of {@code org.sanyi.result.check-made.v1}: a check before ordering, as counts per item. */
public record CheckEvent(
        String checkId,
        InstitutionRef orderer,
        String patientPseudonym,
        ClinicalContext clinicalContext,
        Instant checkedAt,
        List<CheckedItem> items) {

    public CheckEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
