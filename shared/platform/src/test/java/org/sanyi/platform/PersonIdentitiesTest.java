package org.sanyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sanyi.kernel.Identifier;
import org.sanyi.platform.identity.Person;
import org.sanyi.platform.identity.PersonIdentities;
import org.sanyi.platform.patient.PatientPseudonyms;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;

/** One person, many identifiers: links, look-ups by any linked identifier, refused and flagged conflicts. */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class PersonIdentitiesTest {

    private static final String HOSPITAL = "NDXP-H01";

    @Inject
    PersonIdentities identities;

    @Inject
    PatientPseudonyms pseudonyms;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void identifiersGivenTogetherFindOnePersonWhicheverComesLater() {
        Identifier resident = TestPatients.residentId();
        Identifier card = TestPatients.eHealthCard();
        Identifier insurance = TestPatients.insurancePersonCode();

        Person first = link(List.of(card, resident));
        assertThat(first.pseudonym())
                .as("the resident ID is the most authoritative identifier, so its pseudonym is the person's")
                .isEqualTo(pseudonyms.pseudonymOf(resident));
        assertThat(link(List.of(insurance, card))).isEqualTo(first);
        assertThat(identities.find(List.of(insurance), HOSPITAL)).contains(first);
        assertThat(identities.find(List.of(resident), HOSPITAL)).contains(first);
        assertThat(identities.find(List.of(TestPatients.residentId()), HOSPITAL))
                .isEmpty();
    }

    @Test
    void aLowerCaseSpellingIsTheSameIdentifier() {
        Identifier card = TestPatients.eHealthCard();
        Person person = link(List.of(card));
        Identifier lowerCase = new Identifier(card.system(), " " + card.value().toLowerCase() + " ");
        assertThat(identities.find(List.of(lowerCase), HOSPITAL)).contains(person);
    }

    @Test
    void joiningTwoKnownPersonsIsRefusedAndFlaggedAndNothingIsLinked() throws Exception {
        Identifier residentA = TestPatients.residentId();
        Identifier residentB = TestPatients.residentId();
        Identifier cardOfB = TestPatients.eHealthCard();
        Person a = link(List.of(residentA));
        Person b = link(List.of(residentB, cardOfB));
        long conflictsBefore = count("select count(*) from person_link_conflict");

        assertThatThrownBy(() -> link(List.of(residentA, cardOfB)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.problemType())
                        .isEqualTo(PlatformProblem.IDENTITY_CONFLICT));

        assertThat(count("select count(*) from person_link_conflict")).isEqualTo(conflictsBefore + 1);
        assertThat(identities.find(List.of(cardOfB), HOSPITAL)).contains(b);
        assertThat(identities.find(List.of(residentA), HOSPITAL)).contains(a);
    }

    @Test
    void aSecondResidentIdForOnePersonIsAConflict() throws Exception {
        Identifier card = TestPatients.eHealthCard();
        Person person = link(List.of(TestPatients.residentId(), card));
        long conflictsBefore = count("select count(*) from person_link_conflict");
        Identifier otherResident = TestPatients.residentId();

        assertThatThrownBy(() -> link(List.of(card, otherResident)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.problemType())
                        .isEqualTo(PlatformProblem.IDENTITY_CONFLICT));
        assertThat(count("select count(*) from person_link_conflict")).isEqualTo(conflictsBefore + 1);
        assertThat(identities.find(List.of(otherResident), HOSPITAL)).isEmpty();
        assertThat(identities.find(List.of(card), HOSPITAL)).contains(person);
    }

    @Test
    void concurrentFirstSightingsOfOneIdentifierMakeOnePerson() throws Exception {
        Identifier resident = TestPatients.residentId();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Person>> tasks = List.of(
                    () -> link(List.of(resident)),
                    () -> link(List.of(resident, TestPatients.eHealthCard())),
                    () -> link(List.of(TestPatients.insurancePersonCode(), resident)),
                    () -> link(List.of(resident)));
            List<Person> persons = pool.invokeAll(tasks).stream()
                    .map(PersonIdentitiesTest::get)
                    .distinct()
                    .toList();
            assertThat(persons).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private Person link(List<Identifier> identifiers) {
        return QuarkusTransaction.requiringNew().call(() -> identities.link(identifiers, HOSPITAL));
    }

    private static Person get(Future<Person> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
