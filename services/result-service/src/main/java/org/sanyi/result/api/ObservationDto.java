package org.sanyi.result.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.result.domain.Observation;

@Schema(
        name = "Observation",
        description = "One analyte of a lab result (FHIR Observation). A QUANTITY analyte takes a number and one of"
                + " the units the catalogue lists for it; CODED and TEXT analytes take a string.")
public record ObservationDto(
        @NotBlank @Size(max = 40) @Schema(description = "Analyte code of the catalogue item", example = "HGB")
                String analyte,
        @NotNull
                @Schema(
                        description = "A number for QUANTITY analytes, a string otherwise",
                        oneOf = {Number.class, String.class},
                        example = "132")
                JsonNode value,
        @Size(max = 20) @Schema(description = "UCUM unit, required for QUANTITY analytes", example = "g/L") String unit,
        @Size(max = 60) @Schema(example = "115-150") String referenceRange,
        @Pattern(regexp = "N|L|H|LL|HH|A", message = "must be one of N, L, H, LL, HH, A")
                @Schema(description = "HL7 v2 interpretation: N, L, H, LL, HH or A", example = "N")
                String abnormalFlag) {

    Observation toObservation() {
        return new Observation(analyte, value, unit, referenceRange, abnormalFlag);
    }
}
