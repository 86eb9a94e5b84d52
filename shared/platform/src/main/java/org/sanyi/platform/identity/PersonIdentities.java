package org.sanyi.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.PatientIdentifiers;
import org.sanyi.platform.patient.PatientPseudonyms;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;

/**
 * One person, many identifiers (BR-F2, 一码就医), in the service's own store. Identifiers given together for one
 * person are linked; any one of them finds the person again. The rule (ADR 0007): exact matches of normalised
 * identifiers only; a link that would join two known persons, or give a person a second value of a system a person
 * holds once, is refused (409 PLT-0022) and flagged in {@code person_link_conflict}; nothing is merged automatically.
 * A new person's pseudonym is that of its most authoritative identifier, so it equals the pseudonym another service
 * computes from the same resident ID.
 */
@ApplicationScoped
public class PersonIdentities {

    /** Systems a person holds at most one value of; a passport is renewed, so a person may have several. */
    private static final Set<String> SINGLE_VALUED = Set.of(
            PatientIdentifierSystem.RESIDENT_ID.uri(),
            PatientIdentifierSystem.E_HEALTH_CARD.uri(),
            PatientIdentifierSystem.INSURANCE_PERSON_CODE.uri());

    /** Concurrent first sightings of one identifier: the loser re-reads and joins the winner's person. */
    private static final int ATTEMPTS = 3;

    @Inject
    EntityManager entityManager;

    @Inject
    PatientPseudonyms pseudonyms;

    @Inject
    PersonLinkConflicts conflicts;

    /**
     * The person {@code identifiers} (given together, first the one the caller treats as primary) belong to; links
     * the ones not yet known to it, or creates the person.
     *
     * @throws ApiProblem PLT-0022 when the identifiers belong to different persons or clash with a linked identifier
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Person link(List<Identifier> identifiers, String linkedBy) {
        Map<String, Identifier> byKey = keyed(identifiers);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<Person> linked = tryLink(connection, byKey, linkedBy);
                if (linked.isPresent()) {
                    return linked.get();
                }
            }
            throw new ApiProblem(
                    PlatformProblem.CONCURRENT_MODIFICATION,
                    "The patient's identifiers were being linked concurrently; retry");
        });
    }

    /**
     * The person any of {@code identifiers} is linked to, without linking anything; empty when none is known.
     *
     * @param askedBy institution code of the caller, recorded with a conflict
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> find(List<Identifier> identifiers, String askedBy) {
        Map<String, Identifier> byKey = keyed(identifiers);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, Linked> known = known(connection, byKey.keySet());
            Set<UUID> persons = new HashSet<>();
            known.values().forEach(l -> persons.add(l.personId()));
            if (persons.size() > 1) {
                throw conflict(
                        askedBy,
                        byKey.keySet(),
                        persons,
                        "the identifiers are linked to " + persons.size() + " persons");
            }
            return known.values().stream().findFirst().map(Linked::person);
        });
    }

    private Optional<Person> tryLink(Connection connection, Map<String, Identifier> byKey, String linkedBy)
            throws SQLException {
        Map<String, Linked> known = known(connection, byKey.keySet());
        List<UUID> persons =
                known.values().stream().map(Linked::personId).distinct().toList();
        if (persons.size() > 1) {
            throw conflict(
                    linkedBy,
                    byKey.keySet(),
                    persons,
                    "identifiers given together for one patient are linked to " + persons.size() + " persons");
        }
        Instant now = Instant.now();
        Person person;
        boolean created = false;
        if (persons.isEmpty()) {
            Identifier anchor = byKey.values().stream()
                    .min(Comparator.comparingInt(PersonIdentities::authority))
                    .orElseThrow();
            person = new Person(UUID.randomUUID(), pseudonyms.pseudonymOf(anchor));
            if (!insertPerson(connection, person, now, linkedBy)) {
                return Optional.empty(); // the anchor's pseudonym was taken concurrently: read again
            }
            created = true;
        } else {
            person = known.values().iterator().next().person();
            if (known.size() == byKey.size()) {
                return Optional.of(person); // nothing new to link: the common case of a check
            }
            requireNoSecondValue(connection, person, byKey, known.keySet(), linkedBy);
        }
        for (Map.Entry<String, Identifier> entry : byKey.entrySet()) {
            if (!known.containsKey(entry.getKey())
                    && !insertIdentifier(connection, entry.getKey(), entry.getValue(), person, now, linkedBy)) {
                if (created) {
                    deletePerson(connection, person);
                }
                return Optional.empty();
            }
        }
        return Optional.of(person);
    }

    /** A person holds one resident ID, one e-health card and one insurance code; a second value is a conflict. */
    private void requireNoSecondValue(
            Connection connection, Person person, Map<String, Identifier> byKey, Set<String> knownKeys, String linkedBy)
            throws SQLException {
        Map<String, String> linkedBySystem = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select identifier_system, identifier_key from person_identifier where person_id = ?")) {
            select.setObject(1, person.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    linkedBySystem.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        for (Map.Entry<String, Identifier> entry : byKey.entrySet()) {
            String system = entry.getValue().system();
            String linked = linkedBySystem.get(system);
            if (!knownKeys.contains(entry.getKey()) && linked != null && SINGLE_VALUED.contains(system)) {
                throw conflict(
                        linkedBy,
                        List.of(entry.getKey(), linked),
                        List.of(person.id()),
                        "the patient already has another identifier of " + system);
            }
        }
    }

    private ApiProblem conflict(String reportedBy, Collection<String> keys, Collection<UUID> persons, String reason) {
        conflicts.flag(reportedBy, keys, persons, reason);
        return new ApiProblem(
                PlatformProblem.IDENTITY_CONFLICT,
                "The patient's identifiers cannot be linked: " + reason + ". The link was refused and flagged for"
                        + " the operator; send the request with the identifiers that belong to this patient.");
    }

    /** Normalised identifiers by their key, in the order given, duplicates dropped. */
    private Map<String, Identifier> keyed(List<Identifier> identifiers) {
        if (identifiers == null || identifiers.isEmpty()) {
            throw new IllegalArgumentException("at least one identifier is needed");
        }
        Map<String, Identifier> byKey = new LinkedHashMap<>();
        for (Identifier identifier : identifiers) {
            Identifier normalised = PatientIdentifiers.normalise(identifier);
            byKey.putIfAbsent(pseudonyms.pseudonymOf(normalised), normalised);
        }
        return byKey;
    }

    private static int authority(Identifier identifier) {
        return PatientIdentifierSystem.fromUri(identifier.system())
                .map(Enum::ordinal)
                .orElse(Integer.MAX_VALUE);
    }

    private record Linked(UUID personId, String pseudonym) {
        Person person() {
            return new Person(personId, pseudonym);
        }
    }

    private static Map<String, Linked> known(Connection connection, Set<String> keys) throws SQLException {
        Map<String, Linked> known = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select i.identifier_key, p.id, p.pseudonym"
                + " from person_identifier i join person p on p.id = i.person_id where i.identifier_key = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.put(rows.getString(1), new Linked(rows.getObject(2, UUID.class), rows.getString(3)));
                }
            }
        }
        return known;
    }

    private static boolean insertPerson(Connection connection, Person person, Instant now, String by)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into person (id, pseudonym, created_at,"
                + " created_by) values (?, ?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, person.id());
            insert.setString(2, person.pseudonym());
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setString(4, by);
            return insert.executeUpdate() == 1;
        }
    }

    private static void deletePerson(Connection connection, Person person) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from person where id = ? and not exists (select 1 from person_identifier where person_id = ?)")) {
            delete.setObject(1, person.id());
            delete.setObject(2, person.id());
            delete.executeUpdate();
        }
    }

    private static boolean insertIdentifier(
            Connection connection, String key, Identifier identifier, Person person, Instant now, String by)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into person_identifier (identifier_key,"
                        + " identifier_system, person_id, linked_at, linked_by) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, key);
            insert.setString(2, identifier.system());
            insert.setObject(3, person.id());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setString(5, by);
            return insert.executeUpdate() == 1;
        }
    }
}
