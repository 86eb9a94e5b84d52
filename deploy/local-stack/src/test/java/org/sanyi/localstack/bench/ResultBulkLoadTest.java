package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.PatientPseudonymizer;
import org.sanyi.localstack.LocalPostgres;

class ResultBulkLoadTest {

    /** The schema as the services create it: the platform's identity tables, result-service's tables and seed. */
    private static final Path REPOSITORY = Path.of("../..");

    private static final Path PERSON_SCHEMA =
            REPOSITORY.resolve("shared/platform/src/main/resources/db/platform/V0_5__person_identity.sql");
    private static final Path RESULT_SCHEMA =
            REPOSITORY.resolve("services/result-service/src/main/resources/db/migration/V1__result.sql");
    private static final Path RESULT_SEED = REPOSITORY.resolve(
            "services/result-service/src/main/resources/db/migration/V2__ningde_recognition_seed.sql");

    @TempDir
    Path home;

    @Test
    void chunksCoverTheRangeOnce() {
        assertThat(ResultBulkLoad.chunks(0, 1_200_000, 500_000))
                .containsExactly(
                        new ResultBulkLoad.Chunk(0, 499_999),
                        new ResultBulkLoad.Chunk(500_000, 999_999),
                        new ResultBulkLoad.Chunk(1_000_000, 1_199_999));
        assertThat(ResultBulkLoad.chunks(7, 8, 500_000)).containsExactly(new ResultBulkLoad.Chunk(7, 7));
        assertThat(ResultBulkLoad.chunks(10, 10, 500_000)).isEmpty();
        assertThat(ResultBulkLoad.chunks(0, 10_000_000, 500_000))
                .hasSize(20)
                .allSatisfy(chunk -> assertThat(chunk.rows()).isEqualTo(500_000));
        assertThatThrownBy(() -> ResultBulkLoad.chunks(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultIdsAreNumberedAndReadBack() {
        assertThat(ResultBulkLoad.resultId(0)).hasToString("b17c0000-0000-0000-0000-000000000000");
        assertThat(ResultBulkLoad.resultId(255)).hasToString("b17c0000-0000-0000-0000-0000000000ff");
        assertThat(ResultBulkLoad.rowNumber(ResultBulkLoad.resultId(9_999_999))).isEqualTo(9_999_999);
        assertThatThrownBy(() -> ResultBulkLoad.rowNumber(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theInsertTakesThreeParametersAndOnlyConstants() {
        String sql = ResultBulkLoad.resultInsertSql();

        assertThat(sql.chars().filter(c -> c == '?').count()).isEqualTo(3);
        assertThat(sql)
                .contains("generate_series(?::bigint, ?::bigint)")
                .contains("join bench_person p on p.n = s.person")
                .endsWith("on conflict do nothing")
                .contains("'LAB-CBC'", "'EXAM-CXR'", "'NDXP-THC01'");
    }

    @Test
    void loadsPersonsAndResultsInChunksAndContinuesWhereItStopped() throws Exception {
        int port = freePort();
        LocalPostgres postgres = new LocalPostgres(home.resolve("postgres"), home.resolve("postgres.log"), port);
        postgres.start();
        try {
            postgres.ensureDatabase("result");
            String url = "jdbc:postgresql://localhost:" + port + "/result";
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            PatientPseudonymizer pseudonymizer = new PatientPseudonymizer(key);
            UUID servicePerson;
            try (Connection connection = connect(url)) {
                for (Path script : new Path[] {PERSON_SCHEMA, RESULT_SCHEMA, RESULT_SEED}) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(Files.readString(script, StandardCharsets.UTF_8));
                    }
                }
                // Person 5 is known to the service already, with its own row id: the load must use that one.
                servicePerson = UUID.randomUUID();
                String pseudonym = pseudonymizer.pseudonymOf(
                        PatientIdentifierSystem.RESIDENT_ID.identifier(SyntheticPersons.residentId(5)));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("insert into person values ('" + servicePerson + "', '" + pseudonym
                            + "', now(), 'NDXP-THC01')");
                    statement.execute("insert into person_identifier values ('" + pseudonym + "', '"
                            + PatientIdentifierSystem.RESIDENT_ID.uri() + "', '" + servicePerson
                            + "', now(), 'NDXP-THC01')");
                }
            }
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ResultBulkLoad load = new ResultBulkLoad(
                    url,
                    LocalPostgres.USERNAME,
                    LocalPostgres.PASSWORD,
                    pseudonymizer,
                    new PrintStream(printed, true, StandardCharsets.UTF_8),
                    1000);

            ResultBulkLoad.Report first = load.ensure(2345);

            assertThat(first.before()).isZero();
            assertThat(first.inserted()).isEqualTo(2345);
            assertThat(first.persons()).isEqualTo(24);
            assertThat(first.personsAdded()).isEqualTo(24);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("3/3 rows 2,000-2,344");
            try (Connection connection = connect(url)) {
                assertThat(count(connection, "select count(*) from result")).isEqualTo(2345);
                assertThat(count(connection, "select count(distinct person_id) from result"))
                        .isEqualTo(24);
                assertThat(count(connection, "select count(*) from person")).isEqualTo(24);
                // Every result's person is found by its resident ID, as a check finds it, and carries its pseudonym.
                assertThat(count(
                                connection,
                                "select count(*) from result r join person_identifier i on i.person_id = r.person_id"
                                        + " join person p on p.id = r.person_id where r.patient_pseudonym ="
                                        + " p.pseudonym and i.identifier_system = r.patient_id_system"))
                        .isEqualTo(2345);
                assertThat(count(connection, "select count(*) from result where person_id = '" + servicePerson + "'"))
                        .isEqualTo(100);
                assertThat(count(connection, "select count(distinct item_code) from result"))
                        .isEqualTo(ResultBulkLoad.ITEMS.size());
                assertThat(count(connection, "select count(distinct issuer_code) from result"))
                        .isEqualTo(ResultBulkLoad.ISSUERS.size());
                assertThat(count(
                                connection,
                                "select count(distinct issuer_code) from result where person_id = '" + servicePerson
                                        + "' and item_code = 'LAB-CBC'"))
                        .as("a person's results of one item come from several issuers")
                        .isGreaterThan(3);
                assertThat(count(
                                connection,
                                "select count(*) from result where specimen_at > now() or specimen_at < now() -"
                                        + " interval '731 days' or reported_at > now()"))
                        .isZero();
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("select patient_id_value, identifier_key"
                                + " from result r join bench_person b on b.person_id = r.person_id limit 1")) {
                    row.next();
                    assertThat(pseudonymizer.pseudonymOf(
                                    PatientIdentifierSystem.RESIDENT_ID.identifier(row.getString(1))))
                            .isEqualTo(row.getString(2));
                }
            }

            ResultBulkLoad.Report again = load.ensure(2345);
            assertThat(again.inserted()).isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("load skipped");

            ResultBulkLoad.Report more = load.ensure(3000);
            assertThat(more.before()).isEqualTo(2345);
            assertThat(more.inserted()).isEqualTo(655);
            assertThat(more.personsAdded()).isEqualTo(6);
            try (Connection connection = connect(url);
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "select (select id from result order by id desc limit 1), count(*), count(distinct person_id)"
                                    + " from result")) {
                row.next();
                assertThat(ResultBulkLoad.rowNumber(row.getObject(1, UUID.class)))
                        .isEqualTo(2999);
                assertThat(row.getLong(2)).isEqualTo(3000);
                assertThat(row.getLong(3)).isEqualTo(30);
            }
        } finally {
            postgres.stop();
        }
    }

    @Test
    void specimenTimesSpreadOverTwoYears() {
        assertThat(ResultBulkLoad.SPREAD_SECONDS).isEqualTo(Duration.ofDays(730).toSeconds());
        assertThat(Instant.now().minusSeconds(ResultBulkLoad.SPREAD_SECONDS)).isBefore(Instant.now());
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, LocalPostgres.USERNAME, LocalPostgres.PASSWORD);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
