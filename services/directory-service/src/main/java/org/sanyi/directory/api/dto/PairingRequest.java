package org.sanyi.directory.api.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.directory.PairingKind;
import org.sanyi.kernel.InstitutionCode;

@Schema(
        description = "A support relation this institution gives the partner, from validFrom (inclusive) to validTo"
                + " (exclusive, open when absent)")
public record PairingRequest(
        @Schema(example = "NDXP-THC01")
                @NotNull(message = "is required")
                @Pattern(regexp = InstitutionCode.PATTERN, message = "must be an institution code like NDXP-THC01")
                String partnerCode,
        @Schema(example = "TOWNSHIP_PAIRING") @NotNull(message = "is required") PairingKind kind,
        @Schema(example = "2023-01-01") @NotNull(message = "is required") LocalDate validFrom,
        @Schema(example = "2026-01-01") LocalDate validTo) {}
