package org.sanyi.imaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sanyi.events.imaging.AccessAction;
import org.sanyi.events.imaging.AccessBasis;
import org.sanyi.events.imaging.BreakGlassReason;
import org.sanyi.imaging.application.StudyLooks.Disclosed;
import org.sanyi.imaging.domain.ImagingProblem;
import org.sanyi.imaging.domain.Relationships.Grant;
import org.sanyi.imaging.domain.Study;
import org.sanyi.imaging.infrastructure.persistence.StudyRepository;
import org.sanyi.kernel.Identifier;
import org.sanyi.platform.audit.AuditAction;
import org.sanyi.platform.audit.AuditTrail;
import org.sanyi.platform.groupcommit.GroupCommit;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.platform.identity.Person;
import org.sanyi.platform.identity.PersonIdentities;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.security.Role;

/**
 * Searches of the index, QIDO-RS and plain alike. A search that names a patient sees that patient's studies the
 * caller may see (any source); one that names none sees the caller's own studies and those sent to it for reading.
 * An insurer names a claim and sees its studies' index entries. Every search is recorded as a look.
 */
@ApplicationScoped
public class StudySearch {

    @Inject
    StudyRepository repository;

    @Inject
    PersonIdentities identities;

    @Inject
    StudyLooks looks;

    @Inject
    GroupCommit groupCommit;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentActor currentActor;

    /**
     * @param patient identifiers of the patient, or empty for the caller's own studies
     * @param claimRef an insurer's claim (医保 settlement or visit id); only with role insurer
     */
    public record Query(
            List<Identifier> patient,
            String claimRef,
            StudyFilter filter,
            int limit,
            int offset,
            Optional<BreakGlassReason> breakGlass) {}

    /** One page of what the caller may see; {@code more}: further studies match beyond the page. */
    public record Page(List<Disclosed> studies, boolean more) {}

    @Transactional
    public Page search(Query query) {
        Actor actor = currentActor.get();
        StudyLooks.requireEmergency(actor, query.breakGlass());
        Page page;
        if (actor.caller().role() == Role.INSURER) {
            page = byClaim(query);
        } else if (!query.patient().isEmpty()) {
            page = ofPatient(query, actor);
        } else if (!query.filter().studyUids().isEmpty()) {
            page = byStudyUids(query, actor);
        } else {
            if (query.breakGlass().isPresent()) {
                throw new ApiProblem(
                        ImagingProblem.BREAK_GLASS_NEEDS_EMERGENCY,
                        "A break-glass search names the patient (PatientID)");
            }
            List<Study> own = repository.ofInstitution(
                    actor.institutionCode(), query.filter(), query.limit() + 1, query.offset());
            List<Disclosed> disclosed = own.stream()
                    .limit(query.limit())
                    .map(study -> new Disclosed(
                            study,
                            new Grant(
                                    study.sourceCode.equals(actor.institutionCode())
                                            ? AccessBasis.SOURCE
                                            : AccessBasis.READING_CENTRE,
                                    null)))
                    .toList();
            page = new Page(disclosed, own.size() > query.limit());
        }
        WriteSet writes = new WriteSet();
        if (page.studies().isEmpty()) {
            audit.stage(
                    writes,
                    actor.caller(),
                    actor.purpose(),
                    AuditAction.SEARCH,
                    StudyLooks.AUDIT_RESOURCE,
                    "no-match",
                    null);
        } else {
            looks.record(writes, actor, AccessAction.SEARCH, page.studies());
        }
        groupCommit.insertInTransaction(writes);
        return page;
    }

    private Page ofPatient(Query query, Actor actor) {
        Optional<Person> person = identities.find(query.patient(), actor.institutionCode());
        if (person.isEmpty()) {
            return new Page(List.of(), false);
        }
        List<Study> studies = repository.forPerson(person.get().id(), query.filter());
        List<Disclosed> visible = looks.decide(studies, person.get().id(), actor.institutionCode(), query.breakGlass());
        return page(visible, query);
    }

    /** Studies named by UID (a viewer opening a study it found before): each decided for its own patient. */
    private Page byStudyUids(Query query, Actor actor) {
        Map<UUID, List<Study>> byPerson = new LinkedHashMap<>();
        for (Study study : repository.matching(query.filter())) {
            byPerson.computeIfAbsent(study.personId, id -> new ArrayList<>()).add(study);
        }
        List<Disclosed> visible = new ArrayList<>();
        byPerson.forEach((person, studies) ->
                visible.addAll(looks.decide(studies, person, actor.institutionCode(), query.breakGlass())));
        return page(visible, query);
    }

    private Page byClaim(Query query) {
        if (query.claimRef() == null) {
            throw new ApiProblem(
                    PlatformProblem.FORBIDDEN,
                    "An insurer sees the index entries of studies linked to a claim it names (claim)");
        }
        List<Disclosed> linked = repository.forClaim(query.claimRef()).stream()
                .map(study -> new Disclosed(study, new Grant(AccessBasis.INSURER_CLAIM, query.claimRef())))
                .toList();
        return page(linked, query);
    }

    private static Page page(List<Disclosed> all, Query query) {
        int from = Math.min(query.offset(), all.size());
        int to = Math.min(from + query.limit(), all.size());
        return new Page(all.subList(from, to), to < all.size());
    }
}
