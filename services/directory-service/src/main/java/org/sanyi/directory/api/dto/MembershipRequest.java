package org.sanyi.directory.api.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.directory.MembershipRole;
import org.sanyi.kernel.InstitutionCode;

@Schema(
        description =
                "An institution's membership, from validFrom (inclusive) to validTo (exclusive, open when absent)")
public record MembershipRequest(
        @Schema(example = "NDXP-H01")
                @NotNull(message = "is required")
                @Pattern(regexp = InstitutionCode.PATTERN, message = "must be an institution code like NDXP-H01")
                String institutionCode,
        @Schema(example = "LEAD", description = "LEAD (牵头) or MEMBER (成员)") @NotNull(message = "is required")
                MembershipRole role,
        @Schema(example = "2023-01-01") @NotNull(message = "is required") LocalDate validFrom,
        @Schema(example = "2026-01-01") LocalDate validTo) {}
