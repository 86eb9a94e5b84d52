package org.sanyi.directory.replica;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.events.directory.Pairing;

/**
 * The directory as this service sees it: a local copy kept current from the directory's compacted topics by
 * {@link DirectoryReplicaConsumer}, so no request ever waits on a call to the directory. Answers the questions
 * referral and insurance rules ask "at event time": level, grassroots, same group on a date, county.
 */
@Singleton
public class DirectoryReplica {

    private final Map<String, InstitutionSnapshot> institutions = new ConcurrentHashMap<>();
    private final Map<String, MedicalGroupSnapshot> groups = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> groupIdsByInstitution = new ConcurrentHashMap<>();

    public Optional<InstitutionSnapshot> institution(String code) {
        return Optional.ofNullable(institutions.get(code));
    }

    public Optional<MedicalGroupSnapshot> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    public Collection<InstitutionSnapshot> institutions() {
        return institutions.values();
    }

    public boolean knows(String code) {
        return institutions.containsKey(code);
    }

    /** The care level, {@link CareLevel#NOT_APPLICABLE} for an unknown institution. */
    public CareLevel levelOf(String code) {
        return institution(code).map(InstitutionSnapshot::level).orElse(CareLevel.NOT_APPLICABLE);
    }

    public boolean isGrassroots(String code) {
        return levelOf(code) == CareLevel.GRASSROOTS;
    }

    /** County code (6 digits) of the institution, empty when unknown. */
    public Optional<String> countyOf(String code) {
        return institution(code).map(i -> i.region() == null ? null : i.region().countyCode());
    }

    /** Groups that both institutions belong to on {@code date}, by effective-dated membership. */
    public List<MedicalGroupSnapshot> commonGroups(String first, String second, LocalDate date) {
        Set<String> candidates = groupIdsByInstitution.getOrDefault(first, Set.of());
        return candidates.stream()
                .map(groups::get)
                .filter(g -> g != null && isMemberOn(g, first, date) && isMemberOn(g, second, date))
                .toList();
    }

    public boolean sameGroup(String first, String second, LocalDate date) {
        return !commonGroups(first, second, date).isEmpty();
    }

    /** Support relations (包乡/包村, 对口帮扶, 托管) between the two, in either direction, effective on {@code date}. */
    public List<Pairing> pairingsBetween(String first, String second, LocalDate date) {
        return java.util.stream.Stream.concat(
                        pairingsOf(first).stream().filter(p -> p.partnerCode().equals(second)),
                        pairingsOf(second).stream().filter(p -> p.partnerCode().equals(first)))
                .filter(p -> !date.isBefore(p.validFrom()) && (p.validTo() == null || date.isBefore(p.validTo())))
                .toList();
    }

    private List<Pairing> pairingsOf(String code) {
        return institution(code).map(InstitutionSnapshot::pairings).orElse(List.of());
    }

    private static boolean isMemberOn(MedicalGroupSnapshot group, String code, LocalDate date) {
        return group.memberships().stream().anyMatch(m -> m.institutionCode().equals(code) && m.effectiveOn(date));
    }

    /** Applies a snapshot unless an equal or newer version of the same institution is already known. */
    void apply(InstitutionSnapshot snapshot) {
        institutions.merge(
                snapshot.code(),
                snapshot,
                (known, incoming) -> incoming.version() >= known.version() ? incoming : known);
    }

    void apply(MedicalGroupSnapshot snapshot) {
        MedicalGroupSnapshot current = groups.merge(
                snapshot.id(), snapshot, (known, incoming) -> incoming.version() >= known.version() ? incoming : known);
        if (current == snapshot) {
            groupIdsByInstitution.values().forEach(ids -> ids.remove(snapshot.id()));
            snapshot.memberships().forEach(m -> groupIdsByInstitution
                    .computeIfAbsent(m.institutionCode(), k -> ConcurrentHashMap.newKeySet())
                    .add(snapshot.id()));
        }
    }

    int institutionCount() {
        return institutions.size();
    }

    int groupCount() {
        return groups.size();
    }
}
