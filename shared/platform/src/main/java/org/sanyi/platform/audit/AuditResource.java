package org.sanyi.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sanyi.platform.security.Role;

/** Lets a platform administrator or regulator check that this service's audit trail is intact. */
@Path("/v1/audit")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    AuditVerifier verifier;

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PLATFORM_ADMIN_ROLE, Role.REGULATOR_ROLE})
    @Operation(
            summary = "Verify the audit hash chain",
            description = "Walks every sealed audit record and reports the first one that was modified or removed.")
    public AuditVerification verify() throws SQLException {
        return verifier.verify();
    }
}
