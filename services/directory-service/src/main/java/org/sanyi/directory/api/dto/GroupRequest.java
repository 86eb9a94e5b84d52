package org.sanyi.directory.api.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.directory.GroupKind;

@Schema(description = "The medical group's attributes; its memberships are replaced through their own resource")
public record GroupRequest(
        @Schema(example = "霞浦县总医院（县域医共体）") @NotBlank(message = "must not be blank") @Size(max = 200) String name,
        @Schema(example = "COUNTY_MEDICAL_COMMUNITY") @NotNull(message = "is required") GroupKind kind,
        @Schema(example = "350921", description = "GB/T 2260 code of the region the group serves")
                @NotNull(message = "is required")
                @Pattern(regexp = "^[1-9][0-9]{5}$", message = "must be a 6-digit region code like 350921")
                String regionCode) {}
