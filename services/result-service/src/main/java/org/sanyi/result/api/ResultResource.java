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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.sanyi.result.application.NewResult;
import org.sanyi.result.application.RecognitionChecks;
import org.sanyi.result.application.ReferenceData;
import org.sanyi.result.application.ResultPublishing;
import org.sanyi.result.config.ResultConfig;
import org.sanyi.result.domain.Result;

/** Results of exams and lab tests, published by hospitals and 医共体 shared centres (BR-E1). */
@Path("/v1")
@Tag(name = "Results", description = "Publish, amend, withdraw and read exam and lab results")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.HOSPITAL_ROLE)
public class ResultResource {

    @Inject
    ResultPublishing publishing;

    @Inject
    RecognitionChecks checks;

    @Inject
    ReferenceData referenceData;

    @Inject
    ResultConfig config;

    /** One result of a batch as answered. */
    @Schema(name = "PublishedResult")
    public record PublishedEntry(UUID id, String reportId, long version, ResultPublishing.Outcome outcome) {}

    @Schema(name = "PublishedBatch")
    public record PublishedBatch(List<PublishedEntry> results) {}

    @POST
    @Path("/results")
    @Operation(
            summary = "Publish a result",
            description = "The calling institution is the issuer. Idempotent by (issuer, reportId): the same content"
                    + " again answers 200 with the stored result; other content needs status AMENDED and makes a new"
                    + " version. The patient's identifiers are linked to one person. Publishes"
                    + " org.sanyi.result.published.v1 or amended.v1.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PublishResultRequest.class),
                            examples = {
                                @ExampleObject(name = "lab", value = ApiExamples.PUBLISH_LAB),
                                @ExampleObject(name = "exam", value = ApiExamples.PUBLISH_EXAM)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Published; Location names the result",
            headers = {
                @Header(name = "Location", description = "URL of the result"),
                @Header(name = "ETag", description = "The result's version")
            },
            content =
                    @Content(
                            schema = @Schema(implementation = ResultView.class),
                            examples = @ExampleObject(name = "published", value = ApiExamples.RESULT)))
    @APIResponse(
            responseCode = "200",
            description = "Amended (a new version), or a retry of the same content (nothing changed)",
            content = @Content(schema = @Schema(implementation = ResultView.class)))
    public Response publish(@NotNull @Valid PublishResultRequest request, UriInfo uri) {
        List<FieldViolation> violations = new ArrayList<>();
        NewResult command = request.toCommand("", violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        ResultPublishing.Published published = publishing.publish(command);
        ResultView view = view(published.result());
        if (published.outcome() == ResultPublishing.Outcome.CREATED) {
            return Response.created(uri.getBaseUriBuilder()
                            .path("v1/results/" + published.result().id)
                            .build())
                    .tag(etag(published.result()))
                    .entity(view)
                    .build();
        }
        return Response.ok(view).tag(etag(published.result())).build();
    }

    @POST
    @Path("/result-batches")
    @Operation(
            summary = "Publish up to 500 results at once",
            description = "All or none: one invalid result refuses the batch and `errors` names its fields as"
                    + " results[i].field; so does a report id sent twice in one batch (results[i].reportId). Each"
                    + " result behaves as in POST /v1/results.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ResultBatchRequest.class),
                            examples = @ExampleObject(name = "batch", value = ApiExamples.BATCH)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = PublishedBatch.class),
                            examples = @ExampleObject(name = "published", value = ApiExamples.BATCH_ANSWER)))
    public PublishedBatch publishBatch(@NotNull @Valid ResultBatchRequest batch) {
        if (batch.results().size() > config.batch().maxSize()) {
            throw ApiProblem.invalidFields(List.of(
                    new FieldViolation("results", "at most " + config.batch().maxSize() + " results")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        List<NewResult> commands = new ArrayList<>();
        for (int i = 0; i < batch.results().size(); i++) {
            commands.add(batch.results().get(i).toCommand("results[" + i + "].", violations));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        return new PublishedBatch(publishing.publishAll(commands).stream()
                .map(p -> new PublishedEntry(p.result().id, p.result().reportId, p.result().version, p.outcome()))
                .toList());
    }

    @GET
    @Path("/results/{id}")
    @Operation(
            summary = "Read a result with its values",
            description = "For its issuer and performer; for another hospital only through an open recognition check"
                    + " of this patient that offered it as recognisable, an accepted referral that attached it, or"
                    + " membership of the issuer's medical group today (BR-F3). Every read is audited with the"
                    + " purpose of use (X-Purpose-Of-Use, default TREAT).")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = ResultView.class),
                            examples = @ExampleObject(name = "result", value = ApiExamples.RESULT)))
    public Response read(@PathParam("id") UUID id) {
        Result result = checks.readResult(id);
        return Response.ok(view(result)).tag(etag(result)).build();
    }

    @POST
    @Path("/results/{id}/withdraw")
    @Operation(
            summary = "Withdraw a result (issuer only)",
            description = "Entered in error: the result is no longer recognisable and every recognition that cited it"
                    + " becomes void; org.sanyi.result.withdrawn.v1 lists them and the institutions that made them.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = WithdrawRequest.class),
                            examples = @ExampleObject(name = "withdraw", value = ApiExamples.WITHDRAW)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ResultView.class)))
    public Response withdraw(@PathParam("id") UUID id, @NotNull @Valid WithdrawRequest request) {
        Result result = publishing.withdraw(id, request.reason().strip());
        return Response.ok(view(result)).tag(etag(result)).build();
    }

    private ResultView view(Result result) {
        return ResultView.of(result, referenceData.current().items().get(result.itemCode));
    }

    private static EntityTag etag(Result result) {
        return new EntityTag(Long.toString(result.version));
    }
}
