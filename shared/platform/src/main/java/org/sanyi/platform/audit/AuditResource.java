package org.sanyi.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.platform.security.Role;

/** Lets a platform administrator or regulator check that this service's audit trail is intact. */
@Path("/v1/audit")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    /** Value of {@code from} that asks for a walk over the whole chain. */
    public static final String FROM_START = "start";

    @Inject
    AuditVerifier verifier;

    @Inject
    CallerContext callerContext;

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PLATFORM_ADMIN_ROLE, Role.REGULATOR_ROLE})
    @Operation(
            summary = "Verify the audit hash chain",
            description = "Checks the records sealed since the last verified checkpoint (and that the checkpointed"
                    + " record still holds), reports the first one that was modified or removed, and counts records"
                    + " left unsealed too long. from=start (platform-admin only) walks the whole chain again.")
    public AuditVerification verify(
            @Parameter(description = "start: verify the whole chain, not only what was sealed since the last check")
                    @QueryParam("from")
                    String from)
            throws SQLException {
        if (from == null) {
            return verifier.verify();
        }
        if (!FROM_START.equals(from)) {
            throw ApiProblem.invalidField("from", "must be " + FROM_START + " or absent");
        }
        if (callerContext.role() != Role.PLATFORM_ADMIN) {
            throw new ApiProblem(PlatformProblem.FORBIDDEN, "Only platform-admin verifies the whole chain");
        }
        return verifier.verifyFromStart();
    }
}
