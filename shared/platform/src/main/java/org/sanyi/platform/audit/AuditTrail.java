package org.sanyi.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.Session;
import org.sanyi.platform.security.Caller;
import org.sanyi.platform.security.CallerContext;

/**
 * Appends who read or wrote which patient-identifiable resource, and why. The record is inserted in the business
 * transaction, so an access is audited exactly when it happened; the {@link AuditSealer} chains it afterwards.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT = "insert into audit_record (recorded_at, actor_subject, institution_code,"
            + " role, action, resource_type, resource_id, patient_pseudonym, purpose)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        // PostgreSQL keeps microseconds; truncating here keeps the hashed value equal to the stored one.
        Timestamp recordedAt = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        // Plain JDBC on the transaction's connection: a native query would flush the persistence context first.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setTimestamp(1, recordedAt);
                insert.setString(2, caller.subject());
                insert.setString(3, caller.institutionCode());
                insert.setString(4, caller.role().claimValue());
                insert.setString(5, action.name());
                insert.setString(6, resourceType);
                insert.setString(7, resourceId);
                insert.setString(8, patientPseudonym);
                insert.setString(9, purpose);
                insert.executeUpdate();
            }
        });
    }
}
