package org.sanyi.result.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.platform.patient.PatientDto;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.platform.security.Role;
import org.sanyi.result.application.Disclosures;

/** The patient's disclosure log: who looked at their results (患者可知谁看过). */
@Path("/v1/disclosures")
@Tag(name = "Disclosures", description = "Who read a patient's results, when and why")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.HOSPITAL_ROLE)
public class DisclosureResource {

    @Inject
    Disclosures disclosures;

    /** The patient whose log is asked for. */
    @Schema(name = "DisclosureRequest")
    public record DisclosureRequest(@NotNull @Valid PatientDto patient) {}

    @POST
    @Operation(
            summary = "The disclosure log of a patient",
            description = "Every read and search of the patient's results and checks, newest first (at most 500), with"
                    + " institution, role, action and purpose of use, from the audit trail. For an institution that"
                    + " issued a result for the patient or checked them; POST so that no identifier is in a URL.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = DisclosureRequest.class),
                            examples = @ExampleObject(name = "patient", value = ApiExamples.DISCLOSURE)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Disclosures.Disclosure.class),
                            examples = @ExampleObject(name = "log", value = ApiExamples.DISCLOSURE_LOG)))
    public List<Disclosures.Disclosure> log(@NotNull @Valid DisclosureRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        var identifiers = request.patient().normalised("", violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        return disclosures.of(identifiers);
    }
}
