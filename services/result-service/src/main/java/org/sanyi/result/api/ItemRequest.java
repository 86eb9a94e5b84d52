package org.sanyi.result.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.result.Analyte;
import org.sanyi.events.result.AnalyteType;
import org.sanyi.events.result.ResultKind;
import org.sanyi.result.domain.RecognitionItem;

@Schema(name = "RecognitionItemRequest", description = "An item of the recognition catalogue as maintained (BR-E4)")
public record ItemRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull ResultKind kind,
        @NotBlank @Size(max = 40) String category,
        @Pattern(regexp = "[0-9]{1,7}-[0-9]", message = "must be a LOINC code like 58410-2") String loinc,
        @Size(max = 8) @Schema(description = "DICOM modality of an exam") String modality,
        @Min(1) @Max(3650) int validityDays,
        @NotNull @DecimalMin("0") @Schema(description = "元, counted as saved on recognition") BigDecimal referencePrice,
        boolean requiresEqa,
        boolean largeEquipment,
        @Size(max = 40) List<@NotNull @Valid AnalyteDto> analytes,
        @NotNull Boolean active) {

    @Schema(name = "Analyte")
    public record AnalyteDto(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9%#_.-]+") String code,
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = "[0-9]{1,7}-[0-9]", message = "must be a LOINC code") String loinc,
            @NotNull AnalyteType type,
            @Size(max = 10) List<@NotBlank @Size(max = 20) String> units) {}

    RecognitionItem toItem() {
        RecognitionItem item = new RecognitionItem();
        item.name = name.strip();
        item.kind = kind;
        item.category = category.strip();
        item.loinc = loinc;
        item.modality = modality;
        item.validityDays = validityDays;
        item.referencePrice = referencePrice;
        item.requiresEqa = requiresEqa;
        item.largeEquipment = largeEquipment;
        item.analytes = analytes == null
                ? List.of()
                : analytes.stream()
                        .map(a -> new Analyte(a.code(), a.name(), a.loinc(), a.type(), a.units()))
                        .toList();
        item.active = active;
        return item;
    }
}
