package org.sanyi.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.sanyi.directory.domain.DirectoryProblem;
import org.sanyi.directory.domain.Institution;
import org.sanyi.directory.domain.InstitutionAttributes;
import org.sanyi.directory.domain.PairingTerm;
import org.sanyi.directory.infrastructure.persistence.InstitutionRepository;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.http.VersionPrecondition;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;

/** Creates and changes institutions; every change is a new version, kept in history and published. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class InstitutionService {

    @Inject
    InstitutionRepository institutions;

    @Inject
    SnapshotPublisher publisher;

    public WriteOutcome<InstitutionSnapshot> replace(
            String code, InstitutionAttributes attributes, VersionPrecondition expected, ChangeAuthor author) {
        Optional<Institution> existing = institutions.findByIdOptional(code);
        expected.checkRequired("institution " + code, versionOf(existing.map(Institution::version)));
        if (existing.isEmpty()) {
            Institution created = Institution.create(code, attributes, Timestamps.now());
            institutions.persist(created);
            flushCreation(code);
            return new WriteOutcome<>(publisher.recordChange(created, author), true, true);
        }
        Institution institution = existing.get();
        if (!institution.replaceAttributes(attributes, Timestamps.now())) {
            return new WriteOutcome<>(Snapshots.of(institution), false, false);
        }
        institutions.flush();
        return new WriteOutcome<>(publisher.recordChange(institution, author), false, true);
    }

    public WriteOutcome<InstitutionSnapshot> replacePairings(
            String code, List<PairingTerm> pairings, VersionPrecondition expected, ChangeAuthor author) {
        Institution institution = institutions
                .findByIdOptional(code)
                .orElseThrow(() -> new ApiProblem(DirectoryProblem.INSTITUTION_NOT_FOUND, "No institution " + code));
        expected.checkRequired("institution " + code, OptionalLong.of(institution.version()));
        List<String> partnerCodes =
                pairings.stream().map(PairingTerm::partnerCode).distinct().toList();
        if (!institution.replacePairings(pairings, institutions.typesOf(partnerCodes), Timestamps.now())) {
            return new WriteOutcome<>(Snapshots.of(institution), false, false);
        }
        institutions.flush();
        return new WriteOutcome<>(publisher.recordChange(institution, author), false, true);
    }

    /** Two creators of one code race to the primary key; the loser learns it as a conflict, not a 500. */
    private void flushCreation(String code) {
        try {
            institutions.flush();
        } catch (PersistenceException e) {
            throw new ApiProblem(
                    PlatformProblem.CONCURRENT_MODIFICATION,
                    "Institution " + code + " was created by another request at the same time; read it and retry");
        }
    }

    static OptionalLong versionOf(Optional<Long> version) {
        return version.map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
