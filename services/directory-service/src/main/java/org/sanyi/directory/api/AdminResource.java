package org.sanyi.directory.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.directory.api.dto.RepublishView;
import org.sanyi.directory.application.Republisher;
import org.sanyi.directory.application.Republisher.RepublishCount;
import org.sanyi.platform.problem.ProblemBody;
import org.sanyi.platform.security.Role;

@Path("/v1/admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
public class AdminResource {

    @Inject
    Republisher republisher;

    @POST
    @Path("/republish")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_ROLE)
    @Operation(
            summary = "Republish every snapshot",
            description = "Writes a fresh event with the current snapshot of every institution and medical group, for"
                    + " a new consumer or after a topic was lost. Versions do not change, so consumers that keep the"
                    + " newest version accept them; nothing enters the history.")
    @APIResponse(
            responseCode = "200",
            description = "The events are in the outbox and reach Kafka shortly",
            content = @Content(schema = @Schema(implementation = RepublishView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Only platform-admin may republish",
            content =
                    @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public RepublishView republish() {
        RepublishCount count = republisher.republishAll();
        return new RepublishView(count.institutions(), count.groups());
    }
}
