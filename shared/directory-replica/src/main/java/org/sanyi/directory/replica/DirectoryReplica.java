package org.sanyi.directory.replica;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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

    /**
     * Groups and the index of their members, replaced as one immutable value: a request thread asking
     * {@link #commonGroups} while a group changes sees the old or the new group, never one half-indexed (a referral's
     * same-group flags are fixed at creation, so a wrong answer would stay wrong).
     */
    private volatile Groups groups = new Groups(Map.of(), Map.of());

    private record Groups(Map<String, MedicalGroupSnapshot> byId, Map<String, Set<String>> idsByInstitution) {

        Groups with(MedicalGroupSnapshot snapshot) {
            Map<String, MedicalGroupSnapshot> newById = new HashMap<>(byId);
            newById.put(snapshot.id(), snapshot);
            Map<String, Set<String>> index = new HashMap<>();
            newById.values().forEach(group -> group.memberships()
                    .forEach(m -> index.computeIfAbsent(m.institutionCode(), k -> new HashSet<>())
                            .add(group.id())));
            index.replaceAll((code, ids) -> Set.copyOf(ids));
            return new Groups(Map.copyOf(newById), Map.copyOf(index));
        }
    }

    public Optional<InstitutionSnapshot> institution(String code) {
        return Optional.ofNullable(institutions.get(code));
    }

    public Optional<MedicalGroupSnapshot> group(String id) {
        return Optional.ofNullable(groups.byId().get(id));
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
        Groups current = groups;
        return current.idsByInstitution().getOrDefault(first, Set.of()).stream()
                .map(current.byId()::get)
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

    /** Applies a group snapshot unless an equal or newer version is known; one writer thread, readers lock-free. */
    synchronized void apply(MedicalGroupSnapshot snapshot) {
        MedicalGroupSnapshot known = groups.byId().get(snapshot.id());
        if (known == null || snapshot.version() >= known.version()) {
            groups = groups.with(snapshot);
        }
    }

    int institutionCount() {
        return institutions.size();
    }

    int groupCount() {
        return groups.byId().size();
    }
}
