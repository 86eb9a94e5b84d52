package org.sanyi.imaging.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.imaging.application.StudyRegistry;
import org.sanyi.imaging.infrastructure.source.SourcePoller;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.security.Role;

/** The platform operator polls a source PACS now, instead of waiting for the schedule (前置机 pattern). */
@Path("/v1/source-polls")
@Tag(name = "Sources", description = "Pull studies from a PACS that cannot push")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourcePollResource {

    @Inject
    SourcePoller poller;

    @Inject
    DirectoryReplica directory;

    @Schema(name = "SourcePoll")
    public record PollRequest(
            @NotBlank @Size(max = 40) @Schema(description = "The institution whose PACS it is") String sourceCode,
            @NotBlank @Size(max = 500) @Schema(description = "The PACS's DICOMweb root (QIDO-RS), http or https")
                    String baseUrl) {}

    @POST
    @RolesAllowed(Role.PLATFORM_ADMIN_ROLE)
    @Operation(
            summary = "Poll a source PACS now",
            description = "Reads the PACS's QIDO-RS from the source's high-water mark and registers what it finds in"
                    + " the source's name, idempotently (a study seen before is unchanged). The schedule polls the"
                    + " sources of sanyi.imaging.sources.poll every sanyi.imaging.sources.poll-interval.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "township PACS", value = ApiExamples.SOURCE_POLL)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            schema = @Schema(implementation = SourcePoller.Poll.class),
                            examples = @ExampleObject(name = "polled", value = ApiExamples.SOURCE_POLLED)))
    public SourcePoller.Poll poll(@NotNull @Valid PollRequest request) throws InterruptedException {
        if (!directory.knows(request.sourceCode())) {
            throw ApiProblem.invalidField("sourceCode", "'" + request.sourceCode() + "' is not in the directory");
        }
        String problem = StudyRegistry.endpointProblem(request.baseUrl());
        if (problem != null) {
            throw ApiProblem.invalidField("baseUrl", problem);
        }
        try {
            return poller.poll(request.sourceCode(), request.baseUrl());
        } catch (IOException e) {
            throw new ApiProblem(PlatformProblem.UNAVAILABLE, "The PACS did not answer as expected: " + e.getMessage());
        }
    }
}
