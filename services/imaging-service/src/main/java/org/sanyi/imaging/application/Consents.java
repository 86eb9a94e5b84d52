package org.sanyi.imaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.imaging.infrastructure.persistence.StudyRepository;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.TimeOrderedIds;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.identity.Person;
import org.sanyi.platform.identity.PersonIdentities;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.security.CallerContext;

/**
 * The patient's consent (BR-I3, 一码通): presenting the e-health card at an institution lets that institution see the
 * patient's studies, all or those listed, until the consent expires or the patient revokes it there.
 */
@ApplicationScoped
@Transactional
public class Consents {

    public static final String AUDIT_RESOURCE = "ImagingConsent";

    @Inject
    PersonIdentities identities;

    @Inject
    StudyRepository repository;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditTrail audit;

    public record Consent(UUID id, String granteeCode, List<String> studyUids, Instant grantedAt, Instant expiresAt) {}

    /** @param studyUids the studies consented to, or null for all of the patient's studies */
    public Consent grant(List<Identifier> identifiers, List<String> studyUids, Instant expiresAt) {
        if (identifiers.stream().noneMatch(id -> id.system().equals(PatientIdentifierSystem.E_HEALTH_CARD.uri()))) {
            throw new ApiProblem(
                    ImagingProblem.CONSENT_NEEDS_CARD,
                    "Give the e-health card the patient presented (" + PatientIdentifierSystem.E_HEALTH_CARD.uri()
                            + ") among the identifiers");
        }
        Instant now = Timestamps.now();
        if (!expiresAt.isAfter(now)) {
            throw ApiProblem.invalidField("expiresAt", "must lie in the future");
        }
        String grantee = callerContext.institutionCode();
        Person person = identities.link(identifiers, grantee);
        UUID id = TimeOrderedIds.next();
        repository.work(connection -> {
            try (var statement = connection.prepareStatement("insert into consent (id, person_id, grantee_code,"
                    + " study_uids, granted_at, expires_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?)")) {
                statement.setObject(1, id);
                statement.setObject(2, person.id());
                statement.setString(3, grantee);
                statement.setArray(4, studyUids == null ? null : connection.createArrayOf("text", studyUids.toArray()));
                statement.setTimestamp(5, Timestamp.from(now));
                statement.setTimestamp(6, Timestamp.from(expiresAt));
                statement.setString(7, callerContext.caller().subject());
                return statement.executeUpdate();
            }
        });
        audit.record(AuditAction.CREATE, AUDIT_RESOURCE, id.toString(), person.pseudonym());
        return new Consent(id, grantee, studyUids, now, expiresAt);
    }

    /** The patient withdraws a consent at the institution that recorded it. */
    public void revoke(UUID consentId) {
        String grantee = callerContext.institutionCode();
        String pseudonym = repository.work(connection -> {
            try (var statement = connection.prepareStatement("update consent c set revoked_at = ? from person p"
                    + " where c.id = ? and c.grantee_code = ? and c.revoked_at is null and p.id = c.person_id"
                    + " returning p.pseudonym")) {
                statement.setTimestamp(1, Timestamp.from(Timestamps.now()));
                statement.setObject(2, consentId);
                statement.setString(3, grantee);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
        if (pseudonym == null) {
            throw new ApiProblem(
                    ImagingProblem.CONSENT_NOT_FOUND, "No consent " + consentId + " in force recorded by " + grantee);
        }
        audit.record(AuditAction.UPDATE, AUDIT_RESOURCE, consentId.toString(), pseudonym);
    }
}
