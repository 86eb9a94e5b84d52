package org.sanyi.imaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.EventType;
import org.sanyi.events.imaging.AccessAction;
import org.sanyi.events.imaging.AccessBasis;
import org.sanyi.events.imaging.BreakGlassReason;
import org.sanyi.events.imaging.StudyAccessEvent;
import org.sanyi.imaging.config.ImagingConfig;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.imaging.domain.Relationships;
import org.sanyi.imaging.domain.Relationships.Grant;
import org.sanyi.imaging.domain.Study;
import org.sanyi.imaging.infrastructure.persistence.StudyRepository;
import org.sanyi.kernel.TimeOrderedIds;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.audit.PurposeOfUse;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.problem.ApiProblem;

/**
 * Who may look at which study (BR-I3, BR-F3), and the record of every look: a study access row with the
 * relationship that allowed it, an audit record and an access event, per patient and basis of a look.
 */
@ApplicationScoped
public class StudyLooks {

    public static final String AUDIT_RESOURCE = "ImagingStudyAccess";

    private static final String INSERT_ACCESS = "insert into study_access (id, accessed_at, institution_code, role,"
            + " subject, action, person_id, patient_pseudonym, basis, basis_ref, source_codes, study_ids, purpose,"
            + " break_glass_reason, review_status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    StudyRepository repository;

    @Inject
    DirectoryReplica directory;

    @Inject
    ImagingConfig config;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    StudyEvents events;

    /** A study an institution may see, and why. */
    public record Disclosed(Study study, Grant grant) {}

    /** The relationships the service knows for the person now. */
    public Relationships relationshipsOf(UUID personId) {
        Instant now = Timestamps.now();
        // A patient's studies come from few sources on few dates: each pair is asked of the directory once.
        Map<List<Object>, Optional<String>> groups = new java.util.HashMap<>();
        Instant referralsSince = ZonedDateTime.ofInstant(now, config.zone())
                .minus(config.access().referralValidity())
                .toInstant();
        return new Relationships(
                repository.referrals(personId, referralsSince),
                repository.consents(personId, now),
                (first, second, date) -> groups.computeIfAbsent(
                        List.of(first, second, date), key -> directory.commonGroups(first, second, date).stream()
                                .findFirst()
                                .map(group -> group.id())));
    }

    /**
     * The studies of one person that {@code institution} may see; with a break-glass reason, the others too, flagged.
     *
     * @throws ApiProblem 403 when there are studies and the institution may see none of them
     */
    public List<Disclosed> decide(
            List<Study> studies, UUID personId, String institution, Optional<BreakGlassReason> breakGlass) {
        if (studies.isEmpty()) {
            return List.of();
        }
        Relationships relationships = relationshipsOf(personId);
        List<Disclosed> disclosed = new ArrayList<>(studies.size());
        for (Study study : studies) {
            Optional<Grant> grant = relationships.grantFor(study, institution);
            if (grant.isPresent()) {
                disclosed.add(new Disclosed(study, grant.get()));
            } else if (breakGlass.isPresent()) {
                disclosed.add(new Disclosed(
                        study,
                        new Grant(AccessBasis.BREAK_GLASS, breakGlass.get().name())));
            }
        }
        if (disclosed.isEmpty()) {
            throw new ApiProblem(
                    ImagingProblem.NO_TREATMENT_RELATIONSHIP,
                    "Institution " + institution + " has no referral, consent, group or reading relationship with"
                            + " this patient that covers the studies; in an emergency, declare break-glass with a"
                            + " coded reason (X-Break-Glass-Reason) and purpose of use ETREAT");
        }
        return disclosed;
    }

    /** Records one look at {@code disclosed}: one access row, audit record and event per patient and basis. */
    public List<UUID> record(WriteSet writes, Actor actor, AccessAction action, List<Disclosed> disclosed) {
        Map<List<Object>, List<Disclosed>> looks = new LinkedHashMap<>();
        for (Disclosed d : disclosed) {
            looks.computeIfAbsent(
                            List.of(
                                    d.study().personId,
                                    d.grant().basis(),
                                    Objects.toString(d.grant().reference())),
                            key -> new ArrayList<>())
                    .add(d);
        }
        Instant now = Timestamps.now();
        List<UUID> accessIds = new ArrayList<>(looks.size());
        for (List<Disclosed> look : looks.values()) {
            UUID accessId = TimeOrderedIds.next();
            accessIds.add(accessId);
            Study first = look.get(0).study();
            Grant grant = look.get(0).grant();
            boolean breakGlass = grant.basis() == AccessBasis.BREAK_GLASS;
            List<String> sources =
                    look.stream().map(d -> d.study().sourceCode).distinct().toList();
            List<UUID> studyIds = look.stream().map(d -> d.study().id).toList();
            writes.insertRow(
                    INSERT_ACCESS,
                    accessId,
                    Timestamp.from(now),
                    actor.institutionCode(),
                    actor.caller().role().claimValue(),
                    actor.caller().subject(),
                    action.name(),
                    first.personId,
                    first.patientPseudonym,
                    grant.basis().name(),
                    breakGlass ? null : grant.reference(),
                    sources.toArray(String[]::new),
                    studyIds.toArray(UUID[]::new),
                    actor.purpose().code(),
                    breakGlass ? grant.reference() : null,
                    breakGlass ? "PENDING" : null);
            audit.stage(
                    writes,
                    actor.caller(),
                    actor.purpose(),
                    action == AccessAction.SEARCH ? AuditAction.SEARCH : AuditAction.READ,
                    AUDIT_RESOURCE,
                    accessId.toString(),
                    first.patientPseudonym);
            outbox.stage(
                    writes,
                    EventType.STUDY_ACCESSED,
                    first.patientPseudonym,
                    new StudyAccessEvent(
                            accessId.toString(),
                            action,
                            first.patientPseudonym,
                            events.party(actor.institutionCode()),
                            actor.caller().role().claimValue(),
                            actor.purpose().code(),
                            grant.basis(),
                            breakGlass ? BreakGlassReason.valueOf(grant.reference()) : null,
                            studyIds.stream().map(UUID::toString).toList(),
                            sources,
                            now));
        }
        return accessIds;
    }

    /** A break-glass look must say it is an emergency. */
    public static void requireEmergency(Actor actor, Optional<BreakGlassReason> breakGlass) {
        if (breakGlass.isPresent() && actor.purpose() != PurposeOfUse.ETREAT) {
            throw new ApiProblem(
                    ImagingProblem.BREAK_GLASS_NEEDS_EMERGENCY,
                    "A break-glass look declares X-Purpose-Of-Use: ETREAT; this one declared "
                            + actor.purpose().code());
        }
    }
}
