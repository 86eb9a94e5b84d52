package org.sanyi.platform.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.kernel.Identifier;

@Schema(name = "PatientIdentifier", description = "An identifier of the patient within a namespace (FHIR Identifier)")
public record IdentifierDto(
        @NotBlank @Size(max = 200) @Schema(example = "urn:sanyi:id:cn-resident-id") String system,
        @NotBlank @Size(max = 100) @Schema(example = "350921195803129997") String value) {

    public Identifier toIdentifier() {
        return new Identifier(system, value);
    }

    public static IdentifierDto of(String system, String value) {
        return new IdentifierDto(system, value);
    }
}
