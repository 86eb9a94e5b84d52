package org.sanyi.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.groupcommit.GroupCommit;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.platform.security.Caller;
import org.sanyi.platform.security.CallerContext;

/**
 * Appends who read or wrote which patient-identifiable resource, and why. The record is inserted in the business
 * transaction, so an access is audited exactly when it happened; the {@link AuditSealer} chains it afterwards.
 * Refusals (403) are the exception: {@link #recordDenial} writes them in a transaction of their own, because the
 * business transaction of a refused request rolls back.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    /** Resource type of a denial: the request itself, since a refused request names no resource reliably. */
    public static final String DENIED_REQUEST_RESOURCE = "HttpRequest";

    /** Stored in place of an institution, role or purpose that a refused request did not state validly. */
    public static final String UNKNOWN = "UNKNOWN";

    private static final int MAX_DENIED_RESOURCE_LENGTH = 512;

    private static final String INSERT = "insert into audit_record (recorded_at, actor_subject, institution_code,"
            + " role, action, resource_type, resource_id, patient_pseudonym, purpose)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CallerContext callerContext;

    @Inject
    Instance<HttpServerRequest> request;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /** Audits an access by the current caller, with the purpose of use it declared. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, String resourceType, String resourceId, String patientPseudonym) {
        AuditRow row = callerRow(action, resourceType, resourceId, patientPseudonym);
        // Plain JDBC on the transaction's connection: a native query would flush the persistence context first.
        entityManager.unwrap(Session.class).doWork(row::insert);
    }

    /**
     * Audits an access by the current caller as part of {@code writes}, for {@link GroupCommit}: recorded exactly
     * when the set commits.
     */
    public void stage(
            WriteSet writes, AuditAction action, String resourceType, String resourceId, String patientPseudonym) {
        writes.insertRow(
                INSERT,
                callerRow(action, resourceType, resourceId, patientPseudonym).values());
    }

    /** Audits {@code caller}'s access (a scheduled job's, say) as part of {@code writes}. */
    public void stage(
            WriteSet writes,
            Caller caller,
            PurposeOfUse purpose,
            AuditAction action,
            String resourceType,
            String resourceId,
            String patientPseudonym) {
        writes.insertRow(
                INSERT,
                row(caller, purpose, action, resourceType, resourceId, patientPseudonym)
                        .values());
    }

    /** A record of the current caller's access, with the purpose of use it declared. */
    private AuditRow callerRow(AuditAction action, String resourceType, String resourceId, String patientPseudonym) {
        return row(
                callerContext.caller(),
                PurposeOfUse.fromHeader(callerContext.purposeOfUse()),
                action,
                resourceType,
                resourceId,
                patientPseudonym);
    }

    /**
     * Audits work the service does on its own (a scheduled job), under its reserved system actor: institution
     * {@code SANYI-<SERVICE>}, subject {@code job}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAsSystem(
            String job,
            PurposeOfUse purpose,
            AuditAction action,
            String resourceType,
            String resourceId,
            String patientPseudonym) {
        append(SystemActor.of(applicationName, job), purpose, action, resourceType, resourceId, patientPseudonym);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(
            Caller caller,
            PurposeOfUse purpose,
            AuditAction action,
            String resourceType,
            String resourceId,
            String patientPseudonym) {
        AuditRow row = row(caller, purpose, action, resourceType, resourceId, patientPseudonym);
        entityManager.unwrap(Session.class).doWork(row::insert);
    }

    private static AuditRow row(
            Caller caller,
            PurposeOfUse purpose,
            AuditAction action,
            String resourceType,
            String resourceId,
            String patientPseudonym) {
        return new AuditRow(
                caller.subject(),
                caller.institutionCode(),
                caller.role().claimValue(),
                action,
                resourceType,
                resourceId,
                patientPseudonym,
                purpose.code());
    }

    /**
     * Audits a refused (403) request of the current caller: who (as far as the token tells), which request, with
     * action {@link AuditAction#DENIED}, committed in a new transaction. Never throws: a failure to audit is logged,
     * the refusal itself must still be answered as a 403.
     */
    public void recordDenial(String requestPath) {
        try {
            AuditRow row = deniedRow(requestPath);
            Runnable write = () -> writeDenial(row);
            if (BlockingOperationControl.isBlockingAllowed()) {
                write.run();
            } else {
                // Refused in a filter on the event loop: the insert must not block it.
                Infrastructure.getDefaultWorkerPool().execute(write);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not audit a refused request to %s: %s", requestPath, e.toString());
        }
    }

    private void writeDenial(AuditRow row) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    row.insert(connection);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not audit a refused request (%s): %s", row.resourceId, e.toString());
        }
    }

    private AuditRow deniedRow(String requestPath) {
        String subject = null;
        String institution = UNKNOWN;
        String role = UNKNOWN;
        try {
            Caller caller = callerContext.caller();
            subject = caller.subject();
            institution = caller.institutionCode();
            role = caller.role().claimValue();
        } catch (RuntimeException claimsNotUsable) {
            // A token whose claims are not the exchange's: the refusal is recorded without an identity.
        }
        String purpose;
        try {
            purpose = callerContext.purposeOfUse();
        } catch (RuntimeException invalidPurpose) {
            purpose = UNKNOWN;
        }
        return new AuditRow(
                subject,
                institution,
                role,
                AuditAction.DENIED,
                DENIED_REQUEST_RESOURCE,
                deniedResource(requestPath),
                null,
                purpose);
    }

    private String deniedResource(String requestPath) {
        String method = null;
        try {
            if (request.isResolvable()) {
                method = request.get().method().name();
            }
        } catch (RuntimeException noActiveRequest) {
            // only the path then
        }
        String resource = (method == null ? "" : method + " ") + (requestPath == null ? "?" : requestPath);
        // The path is the caller's text: no control characters (PostgreSQL refuses NUL), bounded length.
        String printable = resource.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= MAX_DENIED_RESOURCE_LENGTH
                ? printable
                : printable.substring(0, MAX_DENIED_RESOURCE_LENGTH);
    }

    private record AuditRow(
            String subject,
            String institutionCode,
            String role,
            AuditAction action,
            String resourceType,
            String resourceId,
            String patientPseudonym,
            String purpose) {

        void insert(Connection connection) throws SQLException {
            new WriteSet.SqlRow(INSERT, values()).insertOn(connection);
        }

        /** The values of {@link #INSERT}, recorded now. */
        Object[] values() {
            // PostgreSQL keeps microseconds; truncating here keeps the hashed value equal to the stored one.
            Timestamp recordedAt = Timestamp.from(Timestamps.now());
            return new Object[] {
                recordedAt,
                subject,
                institutionCode,
                role,
                action.name(),
                resourceType,
                resourceId,
                patientPseudonym,
                purpose
            };
        }
    }
}
