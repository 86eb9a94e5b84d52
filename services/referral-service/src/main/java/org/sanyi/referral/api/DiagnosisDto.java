package org.sanyi.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.referral.domain.Icd10Code;

@Schema(name = "Diagnosis", description = "The referral diagnosis, ICD-10 (WHO or 国家临床版)")
public record DiagnosisDto(
        @NotBlank
                @Pattern(regexp = Icd10Code.SHAPE, message = "must be an ICD-10 code such as I10, E11.9 or I10.x00x002")
                @Schema(example = "I10.x00")
                String code,
        @Size(max = 200) @Schema(example = "高血压") String display) {}
