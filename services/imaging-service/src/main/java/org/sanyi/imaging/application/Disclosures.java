package org.sanyi.imaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sanyi.imaging.infrastructure.persistence.StudyRepository;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.platform.identity.Person;
import org.sanyi.platform.identity.PersonIdentities;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.security.CallerContext;

/**
 * The patient's disclosure log (X-10, "患者可阅"): every look at the patient's studies, who looked, when, why and under
 * which relationship. Read through the patient's own channel (purpose PATRQT with the patient's e-health card, as an
 * app or kiosk of an institution presents it) or by an institution that registered or read one of the studies.
 */
@ApplicationScoped
@Transactional
public class Disclosures {

    private static final int MAX_ENTRIES = 500;

    @Inject
    PersonIdentities identities;

    @Inject
    StudyRepository repository;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditTrail audit;

    public record Disclosure(
            String accessId,
            Instant accessedAt,
            String institutionCode,
            String role,
            String action,
            String basis,
            String basisReference,
            String purposeOfUse,
            String breakGlassReason,
            String reviewStatus,
            List<String> studyInstanceUids) {}

    public List<Disclosure> of(List<Identifier> identifiers) {
        String caller = callerContext.institutionCode();
        boolean patientChannel = PurposeOfUse.fromHeader(callerContext.purposeOfUse()) == PurposeOfUse.PATRQT
                && identifiers.stream().anyMatch(id -> id.system().equals(PatientIdentifierSystem.E_HEALTH_CARD.uri()));
        Person person = identities
                .find(identifiers, caller)
                .filter(p -> patientChannel || repository.holdsStudyOf(caller, p.id()))
                .orElseThrow(() -> new ApiProblem(
                        PlatformProblem.FORBIDDEN,
                        "The disclosure log is read through the patient's channel (X-Purpose-Of-Use: PATRQT with"
                                + " the patient's e-health card) or by an institution that registered or read one of"
                                + " the patient's studies"));
        List<Disclosure> log = repository.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select a.id, a.accessed_at,"
                    + " a.institution_code, a.role, a.action, a.basis, a.basis_ref, a.purpose, a.break_glass_reason,"
                    + " a.review_status, array(select s.study_uid from study s where s.id = any(a.study_ids)"
                    + " order by s.study_uid) from study_access a where a.person_id = ?"
                    + " order by a.accessed_at desc, a.id desc limit ?")) {
                statement.setObject(1, person.id());
                statement.setInt(2, MAX_ENTRIES);
                List<Disclosure> entries = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Array uids = rows.getArray(11);
                        entries.add(new Disclosure(
                                rows.getString(1),
                                rows.getTimestamp(2).toInstant(),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getString(6),
                                rows.getString(7),
                                rows.getString(8),
                                rows.getString(9),
                                rows.getString(10),
                                List.of((String[]) uids.getArray())));
                    }
                }
                return entries;
            }
        });
        audit.record(AuditAction.SEARCH, "ImagingDisclosures", person.pseudonym(), person.pseudonym());
        return log;
    }
}
