package org.sanyi.directory.api.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "GB/T 2260 region codes, nested province > city > county > township")
public record RegionRequest(
        @Schema(example = "350000")
                @NotNull
                @Pattern(regexp = "^[1-9][0-9]0000$", message = "must be a province code like 350000")
                String provinceCode,
        @Schema(example = "350900")
                @NotNull
                @Pattern(regexp = "^[1-9][0-9]{3}00$", message = "must be a city code like 350900")
                String cityCode,
        @Schema(example = "350921")
                @NotNull
                @Pattern(regexp = "^[1-9][0-9]{5}$", message = "must be a 6-digit county code like 350921")
                String countyCode,
        @Schema(example = "350921101", description = "9 digits; absent for institutions above township level")
                @Pattern(regexp = "^[1-9][0-9]{8}$", message = "must be a 9-digit township code like 350921101")
                String townshipCode) {}
