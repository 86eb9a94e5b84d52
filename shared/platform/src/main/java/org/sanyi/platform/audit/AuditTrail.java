package org.sanyi.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.sanyi.platform.security.Caller;
import org.sanyi.platform.security.CallerContext;

/**
 * Appends who read or wrote which patient-identifiable resource, and why. The record is inserted in the business
 * transaction, so an access is audited exactly when it happened; the {@link AuditSealer} chains it afterwards.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerContext callerContext;

    /** Audits an access by the current caller, with the purpose of use it declared. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, String resourceType, String resourceId, String patientPseudonym) {
        append(
                callerContext.caller(),
                callerContext.purposeOfUse(),
                action,
                resourceType,
                resourceId,
                patientPseudonym);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(
            Caller caller,
            String purpose,
            AuditAction action,
            String resourceType,
            String resourceId,
            String patientPseudonym) {
        entityManager
                .createNativeQuery("insert into audit_record (recorded_at, actor_subject, institution_code, role,"
                        + " action, resource_type, resource_id, patient_pseudonym, purpose)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                // PostgreSQL keeps microseconds; truncating here keeps the hashed value equal to the stored one.
                .setParameter(1, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter(2, caller.subject())
                .setParameter(3, caller.institutionCode())
                .setParameter(4, caller.role().claimValue())
                .setParameter(5, action.name())
                .setParameter(6, resourceType)
                .setParameter(7, resourceId)
                .setParameter(8, patientPseudonym)
                .setParameter(9, purpose)
                .executeUpdate();
    }
}
