package org.sanyi.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sanyi.directory.domain.DirectoryProblem;
import org.sanyi.directory.infrastructure.persistence.HistoryRepository;
import org.sanyi.directory.infrastructure.persistence.HistoryRepository.AggregateKind;
import org.sanyi.directory.infrastructure.persistence.HistoryRepository.HistoryEntry;
import org.sanyi.directory.infrastructure.persistence.InstitutionCriteria;
import org.sanyi.directory.infrastructure.persistence.InstitutionRepository;
import org.sanyi.directory.infrastructure.persistence.MedicalGroupRepository;
import org.sanyi.directory.infrastructure.persistence.MedicalGroupRepository.GroupMembershipRow;
import org.sanyi.events.directory.GroupKind;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.platform.http.PageOf;
import org.sanyi.platform.problem.ApiProblem;

/** Reads of the directory, answered with the same snapshots the topics carry. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DirectoryQueries {

    @Inject
    InstitutionRepository institutions;

    @Inject
    MedicalGroupRepository groups;

    @Inject
    HistoryRepository history;

    public InstitutionSnapshot institution(String code) {
        return institutions
                .findByIdOptional(code)
                .map(Snapshots::of)
                .orElseThrow(() -> new ApiProblem(DirectoryProblem.INSTITUTION_NOT_FOUND, "No institution " + code));
    }

    public PageOf<InstitutionSnapshot> institutions(InstitutionCriteria criteria, String afterCode, int size) {
        PageOf<org.sanyi.directory.domain.Institution> found = institutions.search(criteria, afterCode, size);
        return new PageOf<>(found.items().stream().map(Snapshots::of).toList(), found.lastKey());
    }

    public MedicalGroupSnapshot group(String id) {
        return groups.findByIdOptional(id)
                .map(Snapshots::of)
                .orElseThrow(() -> new ApiProblem(DirectoryProblem.MEDICAL_GROUP_NOT_FOUND, "No medical group " + id));
    }

    public PageOf<MedicalGroupSnapshot> groups(GroupKind kind, String regionCode, String afterId, int size) {
        PageOf<org.sanyi.directory.domain.MedicalGroup> found = groups.search(kind, regionCode, afterId, size);
        return new PageOf<>(found.items().stream().map(Snapshots::of).toList(), found.lastKey());
    }

    /** The groups an existing institution belongs to on {@code on}. */
    public List<GroupMembershipRow> groupsOf(String code, LocalDate on) {
        institution(code);
        return groups.membershipsOf(code, on);
    }

    public List<HistoryEntry> institutionHistory(String code) {
        institution(code);
        return history.versionsOf(AggregateKind.INSTITUTION, code);
    }

    public List<HistoryEntry> groupHistory(String id) {
        group(id);
        return history.versionsOf(AggregateKind.MEDICAL_GROUP, id);
    }

    public Optional<Long> institutionVersion(String code) {
        return institutions.findByIdOptional(code).map(org.sanyi.directory.domain.Institution::version);
    }
}
