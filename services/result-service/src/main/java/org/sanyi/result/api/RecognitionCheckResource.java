package org.sanyi.result.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.platform.security.Role;
import org.sanyi.result.application.RecognitionChecks;
import org.sanyi.result.application.ReferenceData;

/** Check before ordering (WS/T 790.18 duplicate-exam reminder), then recognise or decline per item (BR-E3). */
@Path("/v1/recognition-checks")
@Tag(name = "Recognition checks", description = "Find recognisable results before ordering; record the decision")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.HOSPITAL_ROLE)
public class RecognitionCheckResource {

    @Inject
    RecognitionChecks checks;

    @Inject
    ReferenceData referenceData;

    @POST
    @Operation(
            summary = "Check before ordering",
            description = "The calling institution is the orderer. For each item: the patient's results recognisable"
                    + " now under the orderer's regional policy (why: SAME_INSTITUTION, SAME_GROUP, SAME_LEVEL,"
                    + " HIGHER_TO_LOWER, CITY_WIDE) and those that exist but are not (EXPIRED, OUT_OF_SCOPE,"
                    + " NO_VALID_EQA, WITHDRAWN). The patient is found by any linked identifier. The check stays open"
                    + " for the policy's hours: meanwhile the orderer may read the recognisable results and decide."
                    + " Publishes org.sanyi.result.check-made.v1.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = CheckRequest.class),
                            examples = @ExampleObject(name = "pre-operative", value = ApiExamples.CHECK)))
    @APIResponse(
            responseCode = "201",
            description = "Checked; Location names the check, open for decisions until openUntil",
            headers = @Header(name = "Location", description = "URL of the check"),
            content =
                    @Content(
                            schema = @Schema(implementation = CheckView.class),
                            examples = @ExampleObject(name = "found", value = ApiExamples.CHECK_ANSWER)))
    public Response check(@NotNull @Valid CheckRequest request, UriInfo uri) {
        List<FieldViolation> violations = new ArrayList<>();
        var identifiers = request.patient().normalised("", violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        RecognitionChecks.CheckOutcome outcome =
                checks.check(identifiers, request.itemCodes(), request.clinicalContext());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(outcome.check().id.toString())
                        .build())
                .entity(view(outcome))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Read a check again",
            description = "For its orderer; results withdrawn since are shown as WITHDRAWN.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = CheckView.class),
                            examples = @ExampleObject(name = "found", value = ApiExamples.CHECK_ANSWER)))
    public CheckView read(@PathParam("id") UUID id) {
        return view(checks.read(id));
    }

    @POST
    @Path("/{id}/decisions")
    @Operation(
            summary = "Recognise or decline, per item",
            description = "RECOGNISED cites a result the check offered as recognisable (引用) and counts its catalogue"
                    + " price as saved; DECLINED needs a coded reason (the six national situations, or EQA failed at"
                    + " the issuer, patient request, too old for this purpose) and keeps the note for the record. One"
                    + " decision per item. Publishes org.sanyi.result.recognised.v1 / declined.v1.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = DecisionsRequest.class),
                            examples = @ExampleObject(name = "decisions", value = ApiExamples.DECISIONS)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DecisionView.class),
                            examples = @ExampleObject(name = "recorded", value = ApiExamples.DECISIONS_ANSWER)))
    public List<DecisionView> decide(@PathParam("id") UUID id, @NotNull @Valid DecisionsRequest request) {
        return checks.decide(id, request.toCommands()).stream()
                .map(DecisionView::of)
                .toList();
    }

    @GET
    @Path("/{id}/decisions")
    @Operation(summary = "The decisions recorded on a check", description = "For its orderer.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DecisionView.class),
                            examples = @ExampleObject(name = "recorded", value = ApiExamples.DECISIONS_ANSWER)))
    public List<DecisionView> decisions(@PathParam("id") UUID id) {
        return checks.decisionsOf(id).stream().map(DecisionView::of).toList();
    }

    private CheckView view(RecognitionChecks.CheckOutcome outcome) {
        var items = referenceData.current().items();
        return CheckView.of(outcome, items::get);
    }
}
