package org.sanyi.platform.probe;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sanyi.events.EventType;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.GroupKind;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.events.directory.Ownership;
import org.sanyi.events.directory.Region;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.platform.security.Role;

/** Endpoints that only exist in the platform's tests, to drive every shared piece through real HTTP. */
@Path("/v1/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Nested(@NotBlank String code) {}

    public record ProbeRequest(@NotBlank String name, @NotNull @Min(1) Integer count, @Valid @NotNull Nested nested) {}

    @Inject
    CallerContext callerContext;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail auditTrail;

    @Inject
    EntityManager entityManager;

    @POST
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.HOSPITAL_ROLE)
    public Map<String, Object> echo(@Valid @NotNull ProbeRequest request) {
        return Map.of("name", request.name(), "institution", callerContext.institutionCode());
    }

    @GET
    @Path("/admin-only")
    @RolesAllowed(Role.PLATFORM_ADMIN_ROLE)
    public Map<String, String> adminOnly() {
        return Map.of("caller", callerContext.institutionCode());
    }

    /** A database deadlock, as two transactions locking rows in opposite orders meet one. */
    @GET
    @Path("/deadlock")
    @PermitAll
    public Map<String, String> deadlock() throws java.sql.SQLException {
        throw new IllegalStateException("work failed", new java.sql.SQLException("deadlock detected", "40P01"));
    }

    @GET
    @Path("/open")
    @PermitAll
    public Map<String, String> open() {
        return Map.of("status", "open");
    }

    /** A state change and its event in one transaction, as every service does it. */
    @POST
    @Path("/changes/{aggregate}")
    @RolesAllowed(Role.PLATFORM_ADMIN_ROLE)
    @Transactional
    public Map<String, Object> change(@PathParam("aggregate") String aggregate) {
        long revision = ((Number) entityManager
                                .createNativeQuery("select count(*) from probe_change where aggregate = ?1")
                                .setParameter(1, aggregate)
                                .getSingleResult())
                        .longValue()
                + 1;
        entityManager
                .createNativeQuery("insert into probe_change (aggregate, revision) values (?1, ?2)")
                .setParameter(1, aggregate)
                .setParameter(2, revision)
                .executeUpdate();
        UUID eventId = outbox.publish(EventType.INSTITUTION_UPSERTED, aggregate, snapshot(aggregate, revision));
        auditTrail.record(AuditAction.UPDATE, "Probe", aggregate, "pp-probe");
        return Map.of("eventId", eventId.toString(), "revision", revision);
    }

    /** A group snapshot, to a topic nothing in the probe reads: the relay must create it as the catalogue says. */
    @POST
    @Path("/group-changes/{id}")
    @RolesAllowed(Role.PLATFORM_ADMIN_ROLE)
    @Transactional
    public Map<String, Object> groupChange(@PathParam("id") String id) {
        UUID eventId = outbox.publish(
                EventType.MEDICAL_GROUP_UPSERTED,
                id,
                new MedicalGroupSnapshot(
                        id,
                        "探针集团 " + id,
                        GroupKind.SPECIALTY_ALLIANCE,
                        "350921",
                        List.of(),
                        1,
                        Instant.parse("2026-01-01T00:00:00Z")));
        return Map.of("eventId", eventId.toString());
    }

    public static InstitutionSnapshot snapshot(String code, long revision) {
        return new InstitutionSnapshot(
                code,
                "探针机构 " + code,
                InstitutionType.TOWNSHIP_HEALTH_CENTER,
                CareLevel.GRASSROOTS,
                Ownership.GOVERNMENT,
                new Region("350000", "350900", "350921", "350921101"),
                true,
                List.of(),
                revision,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
