package org.sanyi.platform.patient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.InvalidIdentifierException;
import org.sanyi.kernel.PatientIdentifiers;
import org.sanyi.platform.problem.FieldViolation;

@Schema(
        name = "PatientIdentifiers",
        description = "The patient, by every identifier the caller holds (一码就医): identifiers given together are"
                + " linked to one person, so a later check with any of them finds the results. Stored, never"
                + " published; events carry a pseudonym.")
public record PatientDto(
        @NotEmpty
                @Size(max = 5)
                @Schema(
                        description = "Resident ID (urn:sanyi:id:cn-resident-id), e-health card"
                                + " (urn:sanyi:id:cn-e-health-card), 医保 person code"
                                + " (urn:sanyi:id:cn-insurance-person-code) or passport (urn:sanyi:id:passport);"
                                + " checked and normalised. The first is the one shown on the result.")
                List<@NotNull @Valid IdentifierDto> identifiers) {

    /** The normalised identifiers; a broken one is added to {@code violations} under {@code prefix}. */
    public List<Identifier> normalised(String prefix, List<FieldViolation> violations) {
        List<Identifier> result = new ArrayList<>();
        for (int i = 0; i < identifiers.size(); i++) {
            try {
                result.add(PatientIdentifiers.normalise(identifiers.get(i).toIdentifier()));
            } catch (InvalidIdentifierException e) {
                String field = prefix + "patient.identifiers[" + i + "]." + (e.system() == null ? "system" : "value");
                violations.add(new FieldViolation(field, e.getMessage()));
            }
        }
        return result;
    }
}
