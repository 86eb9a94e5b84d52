package org.sanyi.events.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code org.sanyi.result.catalogue-item.changed.v1}: the full current state of one item of the recognition
 * catalogue after a change, on a compacted topic, so a consumer rebuilds the catalogue by reading from the start.
 *
 * @param validityDays the catalogue's default window; a region's policy may set another
 * @param referencePrice fee in 元 counted as saved when a result of the item is recognised
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogueItemEvent(
        String code,
        long version,
        String name,
        ResultKind kind,
        String category,
        String loinc,
        String modality,
        int validityDays,
        BigDecimal referencePrice,
        boolean requiresEqa,
        boolean largeEquipment,
        List<Analyte> analytes,
        boolean active,
        Instant updatedAt,
        String updatedBy) {

    public CatalogueItemEvent {
        analytes = analytes == null ? List.of() : List.copyOf(analytes);
    }
}
