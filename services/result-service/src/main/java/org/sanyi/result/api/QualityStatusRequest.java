package org.sanyi.result.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.kernel.InstitutionCode;

@Schema(name = "QualityStatusRequest", description = "An EQA / 室间质评 outcome of a lab or shared centre for an item")
public record QualityStatusRequest(
        @NotBlank @Pattern(regexp = InstitutionCode.PATTERN) String institutionCode,
        @NotBlank @Size(max = 40) String itemCode,
        @NotNull Boolean passed,
        @NotBlank @Size(max = 200) String scheme,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo) {}
