package org.sanyi.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.events.referral.ReferralStatus;
import org.sanyi.platform.http.IdempotencyKeys;
import org.sanyi.platform.http.PageCursor;
import org.sanyi.platform.http.PageOf;
import org.sanyi.platform.http.QueryParameters;
import org.sanyi.platform.http.VersionPrecondition;
import org.sanyi.platform.problem.ProblemBody;
import org.sanyi.platform.security.Role;
import org.sanyi.referral.application.ReferralService;
import org.sanyi.referral.domain.Referral;
import org.sanyi.referral.domain.ReferralSide;

/**
 * Referrals between institutions (双向转诊). Every endpoint is for hospitals: the sending and the receiving
 * institution of a referral are the only ones that see or change it.
 */
@Path("/v1/referrals")
@Tag(name = "Referrals", description = "Create referrals and move them through their closed loop")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.HOSPITAL_ROLE)
public class ReferralResource {

    static final String IDEMPOTENCY_KEY = IdempotencyKeys.HEADER;
    static final String IF_MATCH = VersionPrecondition.IF_MATCH;

    private static final String IF_MATCH_DESCRIPTION = "Optional ETag of the version the caller decided on, e.g."
            + " \"2\"; the step is refused with 412 (PLT-0016) when the referral changed since";
    private static final String ETAG_DESCRIPTION = "The referral's version, for If-Match";
    private static final String CONFLICT_DESCRIPTION = "Not allowed in the referral's status (REF-0002), or the"
            + " referral changed concurrently (PLT-0010); a stale If-Match is 412 (PLT-0016)";
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;

    @Inject
    ReferralService referrals;

    @Inject
    ReferralViews views;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @POST
    @Operation(
            summary = "Refer a patient to another institution",
            description = "The calling institution is the sender. Direction (UPWARD/DOWNWARD/LATERAL) and the policy"
                    + " flags are derived from the directory and the region's referral policy; they cannot be sent."
                    + " A GREEN_CHANNEL referral can be answered by the receiver at once; others first need the"
                    + " sender's review. Publishes org.sanyi.referral.requested.v1.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = CreateReferralRequest.class),
                            examples = {
                                @ExampleObject(name = "upward", value = ApiExamples.CREATE_UPWARD),
                                @ExampleObject(name = "downward", value = ApiExamples.CREATE_DOWNWARD)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the referral",
            headers = {
                @Header(name = "Location", description = "URL of the new referral"),
                @Header(name = "ETag", description = ETAG_DESCRIPTION)
            },
            content =
                    @Content(
                            schema = @Schema(implementation = ReferralView.class),
                            examples = @ExampleObject(name = "requested", value = ApiExamples.REFERRAL_REQUESTED)))
    @APIResponse(
            responseCode = "200",
            description = "A repeat of an earlier request with the same Idempotency-Key and body: the referral it"
                    + " created, with header Idempotent-Replayed: true",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON, a field of the wrong type or an invalid field (each named in `errors`)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown receiver (REF-0003), not a care provider (REF-0004), referral to self (REF-0005),"
                    + " or the Idempotency-Key was used with another body (PLT-0015)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response create(
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "Makes retries safe: a repeat with the same key and body returns the same"
                                    + " referral. Up to 128 visible ASCII characters, unique per calling institution.",
                            example = "b0c1d4b8-6a43-4c4e-9f0e-2d6f7f3c9a11")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @NotNull @Valid CreateReferralRequest request,
            UriInfo uri) {
        String key = IdempotencyKeys.parse(idempotencyKey);
        ReferralService.Creation creation =
                referrals.create(request.toCommand(), key, key == null ? null : idempotencyKeys.digest(request));
        ReferralView view = views.details(creation.referral());
        EntityTag tag = etagOf(creation.referral());
        if (creation.replayed()) {
            return Response.ok(view)
                    .tag(tag)
                    .header(IdempotencyKeys.REPLAYED_HEADER, "true")
                    .build();
        }
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(creation.referral().id.toString())
                        .build())
                .tag(tag)
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Read a referral",
            description = "Only the sending and receiving institutions may; every read is recorded in the audit"
                    + " trail with the caller's purpose of use (header X-Purpose-Of-Use, default TREAT).")
    @APIResponse(
            responseCode = "200",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content =
                    @Content(
                            schema = @Schema(implementation = ReferralView.class),
                            examples = @ExampleObject(name = "completed", value = ApiExamples.REFERRAL_COMPLETED)))
    @APIResponse(
            responseCode = "403",
            description = "Not a party of this referral, or not a hospital",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such referral (REF-0001)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response read(@PathParam("id") UUID id) {
        return answer(referrals.read(id));
    }

    @GET
    @Operation(
            summary = "List the calling institution's referrals",
            description = "Newest first. Entries carry no patient identity; read one referral for that.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = ReferralPage.class),
                            examples = @ExampleObject(name = "received", value = ApiExamples.REFERRAL_PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "An invalid query parameter",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public ReferralPage list(
            @Parameter(
                            description = "sent: referrals the caller sent; received: referrals sent to the caller;"
                                    + " absent: both",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"sent", "received"}))
                    @QueryParam("role")
                    String role,
            @Parameter(
                            description = "Only referrals in this status",
                            schema = @Schema(implementation = ReferralStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "Page size (default 50)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ReferralSide side = role == null || role.isBlank()
                ? ReferralSide.BOTH
                : QueryParameters.enumValue("role", role, ReferralSide.class);
        ReferralStatus statusFilter = QueryParameters.enumValue("status", status, ReferralStatus.class);
        int pageSize = PageCursor.limit(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        Cursor after = Cursor.parse(cursor);
        // One more than the page: whether it came tells whether there is a next page (PageOf), so none is empty.
        List<Referral> found = referrals.list(
                side,
                statusFilter,
                pageSize + 1,
                after == null ? null : after.requestedAt(),
                after == null ? null : after.id());
        PageOf<Referral> page =
                PageOf.of(found, pageSize, referral -> Cursor.of(referral).encode());
        return new ReferralPage(page.items().stream().map(views::summary).toList(), page.lastKey());
    }

    @POST
    @Path("/{id}/review")
    @Operation(
            summary = "Review a referral (sender)",
            description = "转诊审核 by the sending institution's accountable reviewer, who must not be the sending"
                    + " clinician. REQUESTED → REVIEWED; a green-channel referral is reviewed afterwards in any status"
                    + " and keeps it. Publishes org.sanyi.referral.reviewed.v1.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = ReviewRequest.class),
                            examples = @ExampleObject(name = "review", value = ApiExamples.REVIEW)))
    @APIResponse(
            responseCode = "200",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "409",
            description = CONFLICT_DESCRIPTION,
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(
            responseCode = "422",
            description = "The reviewer is the sending clinician (REF-0006)",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response review(
            @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(IF_MATCH) String ifMatch,
            @NotNull @Valid ReviewRequest request) {
        return answer(referrals.review(
                id, VersionPrecondition.ifMatch(ifMatch), request.reviewer().toIdentifier(), trimmed(request.note())));
    }

    @POST
    @Path("/{id}/accept")
    @Operation(
            summary = "Accept a referral (receiver)",
            description = "REVIEWED (or a green-channel REQUESTED) → ACCEPTED. Publishes"
                    + " org.sanyi.referral.accepted.v1.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            schema = @Schema(implementation = AcceptRequest.class),
                            examples = @ExampleObject(name = "accept", value = ApiExamples.ACCEPT)))
    @APIResponse(
            responseCode = "200",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "409",
            description = CONFLICT_DESCRIPTION,
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response accept(
            @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(IF_MATCH) String ifMatch,
            @Valid AcceptRequest request) {
        AcceptRequest body = request == null ? new AcceptRequest(null, null) : request;
        return answer(
                referrals.accept(id, VersionPrecondition.ifMatch(ifMatch), body.appointmentAt(), trimmed(body.note())));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(
            summary = "Reject a referral (receiver)",
            description = "REVIEWED (or a green-channel REQUESTED) → REJECTED with a coded reason. Publishes"
                    + " org.sanyi.referral.rejected.v1.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = RejectRequest.class),
                            examples = @ExampleObject(name = "reject", value = ApiExamples.REJECT)))
    @APIResponse(
            responseCode = "200",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "409",
            description = CONFLICT_DESCRIPTION,
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response reject(
            @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(IF_MATCH) String ifMatch,
            @NotNull @Valid RejectRequest request) {
        return answer(
                referrals.reject(id, VersionPrecondition.ifMatch(ifMatch), request.reason(), trimmed(request.note())));
    }

    @POST
    @Path("/{id}/arrive")
    @Operation(
            summary = "Record the patient's arrival (receiver)",
            description = "ACCEPTED → ARRIVED, timestamped. Publishes org.sanyi.referral.arrived.v1.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            schema = @Schema(implementation = ArrivalRequest.class),
                            examples = @ExampleObject(name = "admitted", value = ApiExamples.ARRIVE)))
    @APIResponse(
            responseCode = "200",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "409",
            description = CONFLICT_DESCRIPTION,
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response arrive(
            @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(IF_MATCH) String ifMatch,
            @Valid ArrivalRequest request) {
        ArrivalRequest body = request == null ? new ArrivalRequest(null, null, null) : request;
        return answer(referrals.recordArrival(
                id,
                VersionPrecondition.ifMatch(ifMatch),
                body.arrivedAt(),
                Boolean.TRUE.equals(body.admittedAsInpatient()),
                Boolean.TRUE.equals(body.jointWard())));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(
            summary = "Complete a referral with a summary for the sender (receiver)",
            description = "ARRIVED → COMPLETED: the summary goes back to the sender and closes the loop. Publishes"
                    + " org.sanyi.referral.completed.v1 (with the outcome code, never the summary).")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CompleteRequest.class),
                            examples = @ExampleObject(name = "complete", value = ApiExamples.COMPLETE)))
    @APIResponse(
            responseCode = "200",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "409",
            description = CONFLICT_DESCRIPTION,
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response complete(
            @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(IF_MATCH) String ifMatch,
            @NotNull @Valid CompleteRequest request) {
        return answer(referrals.complete(
                id,
                VersionPrecondition.ifMatch(ifMatch),
                request.outcome(),
                request.summary().strip()));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            summary = "Cancel a referral (sender)",
            description = "REQUESTED, REVIEWED or ACCEPTED → CANCELLED, i.e. before the patient arrived. Publishes"
                    + " org.sanyi.referral.cancelled.v1.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CancelRequest.class),
                            examples = @ExampleObject(name = "cancel", value = ApiExamples.CANCEL)))
    @APIResponse(
            responseCode = "200",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "409",
            description = CONFLICT_DESCRIPTION,
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public Response cancel(
            @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(IF_MATCH) String ifMatch,
            @NotNull @Valid CancelRequest request) {
        return answer(
                referrals.cancel(id, VersionPrecondition.ifMatch(ifMatch), request.reason(), trimmed(request.note())));
    }

    private Response answer(Referral referral) {
        return Response.ok(views.details(referral)).tag(etagOf(referral)).build();
    }

    private static EntityTag etagOf(Referral referral) {
        return VersionPrecondition.etag(referral.version);
    }

    private static String trimmed(String note) {
        return CreateReferralRequest.blankToNull(note);
    }

    /** Position after the last entry of a page: its request time and id, opaque to clients. */
    record Cursor(Instant requestedAt, UUID id) {

        static Cursor of(Referral referral) {
            return new Cursor(referral.requestedAt, referral.id);
        }

        String encode() {
            return PageCursor.encode(requestedAt.getEpochSecond() + "." + requestedAt.getNano(), id.toString());
        }

        static Cursor parse(String cursor) {
            List<String> parts = PageCursor.decode(cursor, 2);
            if (parts == null) {
                return null;
            }
            try {
                String[] instant = parts.get(0).split("\\.", 2);
                return new Cursor(
                        Instant.ofEpochSecond(Long.parseLong(instant[0]), Long.parseLong(instant[1])),
                        UUID.fromString(parts.get(1)));
            } catch (RuntimeException e) {
                throw PageCursor.invalid();
            }
        }
    }
}
