package org.sanyi.referral.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Patient",
        description = "The referred patient. Shown only to the sending and receiving institutions; events carry only"
                + " a pseudonym.")
public record PatientDto(
        @NotNull
                @Valid
                @Schema(
                        description = "Resident ID (urn:sanyi:id:cn-resident-id), e-health card"
                                + " (urn:sanyi:id:cn-e-health-card), insurance person code"
                                + " (urn:sanyi:id:cn-insurance-person-code) or passport (urn:sanyi:id:passport);"
                                + " checked and normalised")
                IdentifierDto identifier,
        @NotBlank @Size(max = 100) @Schema(example = "林秀英") String name,
        @Size(max = 100) @Schema(description = "Phone number or other contact", example = "13905930000")
                String contact) {}
