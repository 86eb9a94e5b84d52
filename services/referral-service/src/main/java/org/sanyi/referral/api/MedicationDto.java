package org.sanyi.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.referral.domain.DischargeMedication;

@Schema(name = "DischargeMedication", description = "A drug to continue after a down-referral (REF-07)")
public record MedicationDto(
        @Size(max = 50) @Schema(description = "国家医保药品编码, when known", example = "XC08CAA014A001010100444") String code,
        @NotBlank @Size(max = 200) @Schema(example = "苯磺酸氨氯地平片") String name,
        @Size(max = 100) @Schema(example = "5 mg") String dosage,
        @Size(max = 100) @Schema(example = "每日一次") String frequency,
        @Positive @Schema(example = "30") Integer supplyDays) {

    DischargeMedication toMedication() {
        return new DischargeMedication(code, name, dosage, frequency, supplyDays);
    }

    static MedicationDto of(DischargeMedication medication) {
        return new MedicationDto(
                medication.code(),
                medication.name(),
                medication.dosage(),
                medication.frequency(),
                medication.supplyDays());
    }
}
