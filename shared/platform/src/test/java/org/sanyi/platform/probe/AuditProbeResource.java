package org.sanyi.platform.probe;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.platform.security.Role;

/** Use cases of the platform's tests that read audited data, allowed or refused, as a service's endpoints do. */
@Path("/v1/probe/audited")
@Produces(MediaType.APPLICATION_JSON)
public class AuditProbeResource {

    @Inject
    CallerContext callerContext;

    @Inject
    AuditTrail auditTrail;

    @Inject
    EntityManager entityManager;

    /** An audited read, with the purpose of use the caller declared. */
    @GET
    @Path("/{aggregate}")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Transactional
    public Map<String, String> read(@PathParam("aggregate") String aggregate) {
        auditTrail.record(AuditAction.READ, "Probe", aggregate, "pp-probe");
        return Map.of("aggregate", aggregate, "purpose", callerContext.purposeOfUse());
    }

    /**
     * Writes, audits a read and then finds the caller is no party of the resource, as a service's party check does:
     * the business transaction rolls back, the refusal must still be audited.
     */
    @POST
    @Path("/{aggregate}/guarded")
    @RolesAllowed(Role.HOSPITAL_ROLE)
    @Transactional
    public Map<String, String> guarded(@PathParam("aggregate") String aggregate) {
        entityManager
                .createNativeQuery("insert into probe_change (aggregate, revision) values (?1, 1)")
                .setParameter(1, aggregate)
                .executeUpdate();
        auditTrail.record(AuditAction.READ, "Probe", aggregate, "pp-probe");
        throw new ApiProblem(
                PlatformProblem.FORBIDDEN,
                "Institution " + callerContext.institutionCode() + " is not a party of probe " + aggregate);
    }
}
