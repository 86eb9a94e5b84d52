package org.sanyi.imaging.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.events.imaging.ReviewStatus;
import org.sanyi.imaging.application.BreakGlassReviews;
import org.sanyi.imaging.application.Consents;
import org.sanyi.imaging.application.Disclosures;
import org.sanyi.kernel.DicomUid;
import org.sanyi.kernel.Identifier;
import org.sanyi.platform.http.QueryParameters;
import org.sanyi.platform.patient.PatientDto;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.platform.security.Role;

/** Consent (一码通), the patient's disclosure log, and the regulator's break-glass review list (BR-I3, X-10). */
@Path("/v1")
@Tag(name = "Access", description = "Consents, disclosure log, break-glass review")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessResource {

    @Inject
    Consents consents;

    @Inject
    Disclosures disclosures;

    @Inject
    BreakGlassReviews reviews;

    @Schema(name = "ConsentGrant")
    public record ConsentRequest(
            @NotNull @Valid @Schema(description = "Must include the e-health card the patient presented")
                    PatientDto patient,
            @Size(max = 100) @Schema(description = "The studies consented to; every study of the patient when absent")
                    List<String> studyInstanceUids,
            @NotNull Instant expiresAt) {}

    @Schema(name = "DisclosureLogRequest")
    public record DisclosureRequest(@NotNull @Valid PatientDto patient) {}

    @Schema(name = "BreakGlassReview")
    public record ReviewRequest(@NotNull ReviewStatus outcome, @Size(max = 1000) String note) {}

    @POST
    @Path("/consents")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Operation(
            summary = "Record the patient's consent (一码通)",
            description = "The patient presented the e-health card at the calling institution, which may then see"
                    + " the patient's studies (all, or those listed) until expiresAt.")
    @RequestBody(
            required = true,
            content =
                    @Content(examples = @ExampleObject(name = "all studies for 30 days", value = ApiExamples.CONSENT)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded; the institution may see the patient's studies until expiresAt",
            content =
                    @Content(
                            schema = @Schema(implementation = Consents.Consent.class),
                            examples = @ExampleObject(name = "recorded", value = ApiExamples.CONSENT_ANSWER)))
    public Response grant(@NotNull @Valid ConsentRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        List<Identifier> identifiers = request.patient().normalised("", violations);
        List<String> uids = request.studyInstanceUids();
        if (uids != null) {
            for (int i = 0; i < uids.size(); i++) {
                if (!DicomUid.isValid(uids.get(i))) {
                    violations.add(new FieldViolation("studyInstanceUids[" + i + "]", "is not a valid DICOM UID"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        return Response.status(Response.Status.CREATED)
                .entity(consents.grant(identifiers, uids, request.expiresAt()))
                .build();
    }

    @POST
    @Path("/consents/{id}/revocation")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke a consent", description = "At the institution that recorded it.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") UUID id) {
        consents.revoke(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/disclosures")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Operation(
            summary = "The patient's disclosure log",
            description = "Every look at the patient's studies, newest first (at most 500): who, when, what, why"
                    + " (purpose of use) and under which relationship, with break-glass looks and their review."
                    + " Through the patient's channel (X-Purpose-Of-Use: PATRQT and the patient's e-health card) or"
                    + " by an institution that registered or read one of the patient's studies.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "by card", value = ApiExamples.DISCLOSURE_REQUEST)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = Disclosures.Disclosure.class),
                            examples = @ExampleObject(name = "log", value = ApiExamples.DISCLOSURES)))
    public List<Disclosures.Disclosure> log(@NotNull @Valid DisclosureRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        List<Identifier> identifiers = request.patient().normalised("", violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        return disclosures.of(identifiers);
    }

    @GET
    @Path("/break-glass-accesses")
    @RolesAllowed(Role.REGULATOR_ROLE)
    @Operation(
            summary = "Break-glass looks for review (卫健委)",
            description = "Oldest first, at most 500; PENDING by default. Pseudonyms only.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = BreakGlassReviews.BreakGlassAccess.class),
                            examples = @ExampleObject(name = "pending", value = ApiExamples.BREAK_GLASS_LIST)))
    public List<BreakGlassReviews.BreakGlassAccess> pending(@QueryParam("reviewStatus") String status) {
        return reviews.list(
                status == null
                        ? ReviewStatus.PENDING
                        : QueryParameters.enumValue("reviewStatus", status, ReviewStatus.class));
    }

    @POST
    @Path("/break-glass-accesses/{id}/review")
    @RolesAllowed(Role.REGULATOR_ROLE)
    @Operation(
            summary = "Review a break-glass look",
            description = "JUSTIFIED or UNJUSTIFIED, once. Publishes org.sanyi.imaging.break-glass.reviewed.v1.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "justified", value = ApiExamples.REVIEW)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = BreakGlassReviews.BreakGlassAccess.class),
                            examples = @ExampleObject(name = "reviewed", value = ApiExamples.REVIEWED)))
    public BreakGlassReviews.BreakGlassAccess review(@PathParam("id") UUID id, @NotNull @Valid ReviewRequest request) {
        return reviews.review(id, request.outcome(), request.note());
    }
}
