package org.sanyi.result.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.sanyi.kernel.Identifier;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.identity.Person;
import org.sanyi.platform.identity.PersonIdentities;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.security.CallerContext;
import org.sanyi.result.infrastructure.persistence.ResultRepository;

/**
 * The patient's disclosure log (BR-E5, BR-F3): who read or searched which of the patient's results and checks, when
 * and for what purpose, from the audit trail. Asked by an institution that treats the patient (issued a result for
 * them or checked them), on the patient's behalf.
 */
@ApplicationScoped
@Transactional
public class Disclosures {

    private static final int MAX_ENTRIES = 500;

    @Inject
    PersonIdentities identities;

    @Inject
    ResultRepository repository;

    @Inject
    EntityManager entityManager;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditTrail audit;

    public record Disclosure(
            Instant recordedAt,
            String institutionCode,
            String role,
            String action,
            String resourceType,
            String resourceId,
            String purpose) {}

    public List<Disclosure> of(List<Identifier> identifiers) {
        String caller = callerContext.institutionCode();
        Person person = identities
                .find(identifiers, caller)
                .filter(p -> repository.treats(caller, p.id()))
                .orElseThrow(() -> new ApiProblem(
                        PlatformProblem.FORBIDDEN,
                        "Institution " + caller + " has issued no result for this patient and made no check"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select recorded_at, institution_code, role, action, resource_type, resource_id,"
                        + " purpose from audit_record where patient_pseudonym = ?1 and resource_type in (?2, ?3)"
                        + " order by id desc limit ?4")
                .setParameter(1, person.pseudonym())
                .setParameter(2, ResultPublishing.AUDIT_RESOURCE)
                .setParameter(3, RecognitionChecks.CHECK_AUDIT_RESOURCE)
                .setParameter(4, MAX_ENTRIES)
                .getResultList();
        audit.record(AuditAction.SEARCH, "Disclosures", person.pseudonym(), person.pseudonym());
        return rows.stream()
                .map(r -> new Disclosure(
                        r[0] instanceof Timestamp t ? t.toInstant() : (Instant) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6]))
                .toList();
    }
}
