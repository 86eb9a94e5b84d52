package org.sanyi.directory.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.Ownership;

@Schema(description = "The institution's attributes; its pairings are replaced through their own resource")
public record InstitutionRequest(
        @Schema(example = "霞浦县医院") @NotBlank(message = "must not be blank") @Size(max = 200) String name,
        @Schema(example = "GENERAL_HOSPITAL") @NotNull(message = "is required") InstitutionType type,
        @Schema(example = "SECONDARY", description = "NOT_APPLICABLE exactly for bodies that deliver no care")
                @NotNull(message = "is required")
                CareLevel level,
        @Schema(example = "GOVERNMENT") @NotNull(message = "is required") Ownership ownership,
        @NotNull(message = "is required") @Valid RegionRequest region,
        @Schema(example = "true") @NotNull(message = "is required") Boolean active) {}
