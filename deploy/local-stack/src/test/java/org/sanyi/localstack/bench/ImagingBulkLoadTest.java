package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanyi.kernel.DicomUid;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.PatientPseudonymizer;
import org.sanyi.localstack.LocalPostgres;
import org.sanyi.localstack.exchange.ExchangeClient;

class ImagingBulkLoadTest {

    /** The schema as the service creates it: the platform's identity tables and imaging-service's tables. */
    private static final Path REPOSITORY = Path.of("../..");

    private static final Path PERSON_SCHEMA =
            REPOSITORY.resolve("shared/platform/src/main/resources/db/platform/V0_5__person_identity.sql");
    private static final Path IMAGING_SCHEMA =
            REPOSITORY.resolve("services/imaging-service/src/main/resources/db/migration/V1__imaging.sql");

    private static final long LOAD_AT = Instant.parse("2026-12-07T03:00:00Z").getEpochSecond();

    @TempDir
    Path home;

    @Test
    void everyTwoHundredthRowOfTheFirstTwoMillionIsASearchedPersonsStudy() {
        assertThat(ImagingBulkLoad.isSearched(0)).isTrue();
        assertThat(ImagingBulkLoad.isSearched(200)).isTrue();
        assertThat(ImagingBulkLoad.isSearched(199)).isFalse();
        assertThat(ImagingBulkLoad.isSearched(1_999_800)).isTrue();
        assertThat(ImagingBulkLoad.isSearched(2_000_000))
                .as("only 10,000 of them")
                .isFalse();
        assertThat(ImagingBulkLoad.personOf(0)).isZero();
        assertThat(ImagingBulkLoad.personOf(200)).isEqualTo(1);
        assertThat(ImagingBulkLoad.personOf(200 * 200)).as("round robin").isZero();
        // The other rows: 8 consecutive ones per person from 200 on, skipping the searched rows.
        assertThat(ImagingBulkLoad.personOf(1)).isEqualTo(200);
        assertThat(ImagingBulkLoad.personOf(8)).isEqualTo(200);
        assertThat(ImagingBulkLoad.personOf(9)).isEqualTo(201);
        assertThat(ImagingBulkLoad.personOf(201)).isEqualTo(200 + 199 / 8);

        Map<Long, Integer> studies = new HashMap<>();
        for (long g = 0; g < 2_000_000; g++) {
            studies.merge(ImagingBulkLoad.personOf(g), 1, Integer::sum);
        }
        assertThat(studies).hasSize((int) ImagingBulkLoad.personsFor(2_000_000));
        for (long n = 0; n < ImagingBulkLoad.SEARCHED_PERSONS; n++) {
            assertThat(studies.get(n)).isEqualTo(50);
        }
        assertThat(studies.get(200L)).isEqualTo(8);
        assertThat(studies.entrySet().stream()
                        .filter(entry -> entry.getKey() >= 200)
                        .allMatch(entry -> entry.getValue() <= 8))
                .isTrue();
        assertThat(ImagingBulkLoad.studiesOfSearchedPerson(2_000_000, 0)).isEqualTo(50);
        assertThat(ImagingBulkLoad.studiesOfSearchedPerson(2_000_000, 199)).isEqualTo(50);
        assertThat(ImagingBulkLoad.searchablePersons(2_000_000)).isEqualTo(200);
        assertThat(ImagingBulkLoad.searchablePersons(1_000)).isEqualTo(5);
        assertThat(ImagingBulkLoad.studiesOfSearchedPerson(1_000, 4)).isEqualTo(1);
        assertThat(ImagingBulkLoad.studiesOfSearchedPerson(1_000, 5)).isZero();
        assertThat(ImagingBulkLoad.studiesOfSearchedPerson(50_000, 0)).isEqualTo(2);
        assertThat(ImagingBulkLoad.studiesOfSearchedPerson(50_000, 199)).isEqualTo(1);
    }

    @Test
    void theLoadReachesEverySearchedRowOfItsSize() {
        assertThat(ImagingBulkLoad.bulkRowsFor(2_000_000)).isEqualTo(1_999_801);
        assertThat(ImagingBulkLoad.studiesOfSearchedPerson(ImagingBulkLoad.bulkRowsFor(2_000_000), 199))
                .isEqualTo(50);
        assertThat(ImagingBulkLoad.bulkRowsFor(5_000_000)).isEqualTo(1_999_801);
        assertThat(ImagingBulkLoad.bulkRowsFor(4_500)).isEqualTo(4_500);
    }

    @Test
    void studyIdsAreNumberedAndReadBack() {
        assertThat(ImagingBulkLoad.studyId(0)).hasToString("b17d0000-0000-0000-0000-000000000000");
        assertThat(ImagingBulkLoad.studyId(255)).hasToString("b17d0000-0000-0000-0000-0000000000ff");
        assertThat(ImagingBulkLoad.rowNumber(ImagingBulkLoad.studyId(1_999_999)))
                .isEqualTo(1_999_999);
        assertThatThrownBy(() -> ImagingBulkLoad.rowNumber(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSearchedRowCarriesWhatAPacsSendsInCopyTextFormat() throws Exception {
        String residentId = SyntheticPersons.residentId(1);
        ImagingBulkLoad.Person person = new ImagingBulkLoad.Person(residentId, UUID.randomUUID(), "pp-abc");
        String row = ImagingBulkLoad.row(200, person, LOAD_AT);

        assertThat(row).endsWith("\n").doesNotContain("\\\\");
        String[] values = row.substring(0, row.length() - 1).split("\t", -1);
        assertThat(values).hasSize(ImagingBulkLoad.COLUMNS.size());
        Map<String, String> byColumn = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            byColumn.put(ImagingBulkLoad.COLUMNS.get(i), values[i]);
        }
        assertThat(byColumn.get("id")).isEqualTo(ImagingBulkLoad.studyId(200).toString());
        assertThat(byColumn.get("study_uid")).isEqualTo(ImagingBulkLoad.UID_ROOT + ".200");
        assertThat(DicomUid.isValid(byColumn.get("study_uid"))).isTrue();
        assertThat(byColumn.get("status")).isEqualTo("REGISTERED");
        assertThat(byColumn.get("source_code")).isEqualTo("NDXP-THC01");
        assertThat(byColumn.get("accession_number")).isEqualTo("BK200");
        assertThat(byColumn.get("person_id")).isEqualTo(person.id().toString());
        assertThat(byColumn.get("patient_pseudonym")).isEqualTo("pp-abc");
        assertThat(byColumn.get("patient_id_system")).isEqualTo(PatientIdentifierSystem.RESIDENT_ID.uri());
        assertThat(byColumn.get("patient_id_value")).isEqualTo(residentId);
        JsonNode name = ExchangeClient.JSON.readTree(byColumn.get("patient_name"));
        assertThat(name.path("ideographic").asText()).isEqualTo("测试^患者1");
        assertThat(LocalDate.parse(byColumn.get("patient_birth_date")))
                .isEqualTo(ImagingRequestFactory.birthDate(residentId));
        assertThat(byColumn.get("patient_sex")).isIn("M", "F");
        Instant started =
                Instant.parse(byColumn.get("started_at").replace(" ", "T").replace("+00", "Z"));
        assertThat(started).isBefore(Instant.ofEpochSecond(LOAD_AT));
        assertThat(LocalDate.parse(byColumn.get("study_date")))
                .isEqualTo(started.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate())
                .isAfter(LocalDate.of(2021, 1, 1));
        assertThat(byColumn.get("study_time")).matches("[0-9]{6}");
        assertThat(byColumn.get("modalities")).matches("\\{(DX|CT|US|MR)\\}");
        JsonNode series = ExchangeClient.JSON.readTree(byColumn.get("series"));
        assertThat(series).hasSize(1);
        assertThat(series.get(0).path("seriesInstanceUid").asText()).isEqualTo(ImagingBulkLoad.UID_ROOT + ".200.1");
        assertThat(byColumn.get("modalities"))
                .contains(series.get(0).path("modality").asText());
        assertThat(byColumn.get("instance_count"))
                .isEqualTo(series.get(0).path("instanceCount").asText());
        assertThat(byColumn.get("retrieve_base")).isEqualTo("https://pacs.ndxp-thc01.example/dicom-web");
        assertThat(byColumn.get("registered_at")).isEqualTo(byColumn.get("updated_at"));
    }

    @Test
    void anOtherRowIsLean() {
        ImagingBulkLoad.Person person =
                new ImagingBulkLoad.Person(SyntheticPersons.residentId(300), UUID.randomUUID(), "pp-other");
        String[] values = ImagingBulkLoad.row(1001, person, LOAD_AT).strip().split("\t", -1);

        assertThat(values).hasSize(ImagingBulkLoad.COLUMNS.size());
        for (String column :
                new String[] {"accession_number", "patient_name", "patient_birth_date", "patient_sex", "description"}) {
            assertThat(values[ImagingBulkLoad.COLUMNS.indexOf(column)])
                    .as(column)
                    .isEqualTo("\\N");
        }
        assertThat(ImagingBulkLoad.SOURCES).contains(values[ImagingBulkLoad.COLUMNS.indexOf("source_code")]);
        assertThat(ImagingBulkLoad.copySql())
                .startsWith("copy study (id, study_uid, ")
                .endsWith("updated_at) from stdin");
    }

    @Test
    void loadsPersonsAndStudiesWithCopyAndContinuesWhereItStopped() throws Exception {
        int port = freePort();
        LocalPostgres postgres = new LocalPostgres(home.resolve("postgres"), home.resolve("postgres.log"), port);
        postgres.start();
        try {
            postgres.ensureDatabase("imaging");
            String url = "jdbc:postgresql://localhost:" + port + "/imaging";
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            PatientPseudonymizer pseudonymizer = new PatientPseudonymizer(key);
            try (Connection connection = connect(url)) {
                for (Path script : new Path[] {PERSON_SCHEMA, IMAGING_SCHEMA}) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(Files.readString(script, StandardCharsets.UTF_8));
                    }
                }
            }
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ImagingBulkLoad load = new ImagingBulkLoad(
                    url,
                    LocalPostgres.USERNAME,
                    LocalPostgres.PASSWORD,
                    pseudonymizer,
                    new PrintStream(printed, true, StandardCharsets.UTF_8),
                    2_000);

            ImagingBulkLoad.Report first = load.ensure(4_500);

            assertThat(first.before()).isZero();
            assertThat(first.inserted()).isEqualTo(4_500);
            assertThat(first.bulkRows()).isEqualTo(4_500);
            // 23 searched rows (0, 200, …, 4,400), 4,477 others at 8 per person.
            assertThat(first.persons()).isEqualTo(200 + 560);
            assertThat(first.searchablePersons()).isEqualTo(23);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("3/3 rows 4,000-4,499");
            try (Connection connection = connect(url)) {
                assertThat(count(connection, "select count(*) from study")).isEqualTo(4_500);
                assertThat(count(connection, "select count(*) from person")).isEqualTo(760);
                // Every study's person is found by its resident ID, as a search finds it, and carries its pseudonym.
                assertThat(count(
                                connection,
                                "select count(*) from study s join person_identifier i on i.person_id = s.person_id"
                                        + " join person p on p.id = s.person_id where s.patient_pseudonym ="
                                        + " p.pseudonym and i.identifier_system = s.patient_id_system"))
                        .isEqualTo(4_500);
                String searchedKey = pseudonymizer.pseudonymOf(
                        PatientIdentifierSystem.RESIDENT_ID.identifier(SyntheticPersons.residentId(3)));
                assertThat(count(
                                connection,
                                "select count(*) from study s join person_identifier i on i.person_id = s.person_id"
                                        + " where i.identifier_key = '" + searchedKey + "' and s.source_code ="
                                        + " 'NDXP-THC01' and s.study_date >= '2021-01-01'"
                                        + " and s.patient_name is not null"))
                        .isEqualTo(1);
                assertThat(count(connection, "select count(distinct source_code) from study"))
                        .isEqualTo(ImagingBulkLoad.SOURCES.size());
                assertThat(count(
                                connection,
                                "select count(*) from study where started_at > now() or registered_at > now()"
                                        + " or started_at < now() - interval '1462 days'"))
                        .isZero();
                assertThat(count(connection, "select count(*) from study where jsonb_array_length(series) = 1"))
                        .isEqualTo(4_500);
            }

            ImagingBulkLoad.Report again = load.ensure(4_500);
            assertThat(again.inserted()).isZero();
            assertThat(again.bulkRows()).isEqualTo(4_500);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("load skipped");

            // Studies registered through the API meanwhile count as studies, but do not shorten the bulk layout.
            try (Connection connection = connect(url);
                    Statement statement = connection.createStatement()) {
                statement.execute("insert into study select gen_random_uuid(), '1.2.156.112605.350999.2.' || g, 1,"
                        + " 'REGISTERED', 'NDXP-THC01', null, person_id, patient_pseudonym, patient_id_system,"
                        + " patient_id_value, null, null, null, study_date, null, started_at, null, null, null,"
                        + " modalities, null, series, 1, 1, null, retrieve_base, '{}', null, null, null, null, null,"
                        + " null, null, null, null, 'x', now(), now(), null, null"
                        + " from study, generate_series(1, 1000) g where id = '" + ImagingBulkLoad.studyId(1) + "'");
            }
            ImagingBulkLoad.Report more = load.ensure(6_000);
            assertThat(more.before()).isEqualTo(5_500);
            assertThat(more.inserted()).isEqualTo(1_500);
            assertThat(more.bulkRows()).isEqualTo(6_000);
            try (Connection connection = connect(url);
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "select (select id from study where id::text like 'b17d0000-%' order by id desc limit 1), count(*),"
                                    + " count(distinct"
                                    + " person_id), count(distinct study_uid) from study")) {
                row.next();
                assertThat(ImagingBulkLoad.rowNumber(row.getObject(1, UUID.class)))
                        .isEqualTo(5_999);
                assertThat(row.getLong(2)).isEqualTo(7_000);
                // The 30 searched persons with a study so far, and the others.
                assertThat(row.getLong(3))
                        .isEqualTo(30 + ImagingBulkLoad.personsFor(6_000) - ImagingBulkLoad.SEARCHED_PERSONS);
                assertThat(row.getLong(4)).isEqualTo(7_000);
            }
        } finally {
            postgres.stop();
        }
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
