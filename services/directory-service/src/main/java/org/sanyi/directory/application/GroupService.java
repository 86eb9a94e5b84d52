package org.sanyi.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.sanyi.directory.domain.DirectoryProblem;
import org.sanyi.directory.domain.GroupAttributes;
import org.sanyi.directory.domain.MedicalGroup;
import org.sanyi.directory.domain.MembershipTerm;
import org.sanyi.directory.infrastructure.persistence.InstitutionRepository;
import org.sanyi.directory.infrastructure.persistence.MedicalGroupRepository;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.kernel.Timestamps;
import org.sanyi.platform.http.VersionPrecondition;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;

/** Creates and changes medical groups and their memberships; every change is a new, published version. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class GroupService {

    @Inject
    MedicalGroupRepository groups;

    @Inject
    InstitutionRepository institutions;

    @Inject
    SnapshotPublisher publisher;

    public WriteOutcome<MedicalGroupSnapshot> replace(
            String id, GroupAttributes attributes, VersionPrecondition expected, ChangeAuthor author) {
        Optional<MedicalGroup> existing = groups.findByIdOptional(id);
        expected.checkRequired(
                "medical group " + id, InstitutionService.versionOf(existing.map(MedicalGroup::version)));
        if (existing.isEmpty()) {
            MedicalGroup created = MedicalGroup.create(id, attributes, Timestamps.now());
            groups.persist(created);
            try {
                groups.flush();
            } catch (PersistenceException e) {
                throw new ApiProblem(
                        PlatformProblem.CONCURRENT_MODIFICATION,
                        "Medical group " + id + " was created by another request at the same time; read it and retry");
            }
            return new WriteOutcome<>(publisher.recordChange(created, author), true, true);
        }
        MedicalGroup group = existing.get();
        if (!group.replaceAttributes(attributes, Timestamps.now())) {
            return new WriteOutcome<>(Snapshots.of(group), false, false);
        }
        groups.flush();
        return new WriteOutcome<>(publisher.recordChange(group, author), false, true);
    }

    public WriteOutcome<MedicalGroupSnapshot> replaceMemberships(
            String id, List<MembershipTerm> memberships, VersionPrecondition expected, ChangeAuthor author) {
        MedicalGroup group = groups.findByIdOptional(id)
                .orElseThrow(() -> new ApiProblem(DirectoryProblem.MEDICAL_GROUP_NOT_FOUND, "No medical group " + id));
        expected.checkRequired("medical group " + id, OptionalLong.of(group.version()));
        List<String> codes = memberships.stream()
                .map(MembershipTerm::institutionCode)
                .distinct()
                .toList();
        if (!group.replaceMemberships(memberships, institutions.typesOf(codes), Timestamps.now())) {
            return new WriteOutcome<>(Snapshots.of(group), false, false);
        }
        groups.flush();
        return new WriteOutcome<>(publisher.recordChange(group, author), false, true);
    }
}
