package org.sanyi.localstack.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.PatientPseudonymizer;

/**
 * Fills imaging-service's database {@code imaging} with synthetic studies directly, not through the API, so that
 * {@code bench imaging} measures QIDO-RS searches against millions of indexed studies: first the persons and their
 * resident-ID links (as {@link ResultBulkLoad} writes them, in {@code person}, {@code person_identifier} and the bench's
 * own {@code bench_person}), then the studies with {@code COPY … FROM STDIN}, one COPY (one transaction) per chunk of
 * {@value #CHUNK_ROWS} rows, then {@code VACUUM (ANALYZE)}.
 *
 * <p>The layout is fixed by the row number g, so a later run continues where an earlier one stopped and finds the
 * same persons:
 *
 * <ul>
 *   <li>Every {@value #STRIDE}th row, up to {@value #SEARCHED_STUDIES} of them, is a study of one of the
 *       {@value #SEARCHED_PERSONS} <em>searched</em> persons (0 … 199, round robin), registered by the township centre
 *       {@value #SEARCHED_SOURCE}, a member of the county hospital's 医共体: with 2,000,000 rows each has
 *       {@value #STUDIES_PER_SEARCHED_PERSON} studies, spread over the whole table as a real patient's studies are
 *       spread over years of registrations (one heap page each, not fifty neighbours). They carry what a PACS sends
 *       (accession number, name, birth date, sex, description).
 *   <li>The other rows belong to other persons (200, 201, …), {@value #STUDIES_PER_OTHER_PERSON} consecutive rows
 *       each, from twelve sources of the 宁德 seed; they are lean: nulls where the schema allows.
 * </ul>
 *
 * Every study has one series, a modality of {@link #KINDS} and a start time within the four years before the load.
 * Study g has id {@code b17d0000-…-<g in hex>} and Study Instance UID {@value #UID_ROOT}.g.
 */
public final class ImagingBulkLoad {

    public static final int SEARCHED_PERSONS = 200;
    public static final int STUDIES_PER_SEARCHED_PERSON = 50;
    public static final int SEARCHED_STUDIES = SEARCHED_PERSONS * STUDIES_PER_SEARCHED_PERSON;
    public static final String SEARCHED_SOURCE = "NDXP-THC01";

    /** Every STRIDE-th row is a searched person's study: 2,000,000 / 10,000. */
    public static final int STRIDE = 200;

    public static final int STUDIES_PER_OTHER_PERSON = 8;

    public static final int CHUNK_ROWS = 500_000;

    /** Start times spread over this many seconds before the load (four years), all after the group began. */
    static final long SPREAD_SECONDS = 1461L * 24 * 3600;

    static final String ID_PREFIX = "b17d0000";

    /** Root of the bulk-loaded studies' UIDs (3509xx are 宁德's county codes; 350999 is none of them). */
    public static final String UID_ROOT = "1.2.156.112605.350999.1";

    static final String LOADED_BY = "sanyi-bench";

    /** China has kept UTC+8 all year since 1991: the study date and time a PACS in 宁德 writes. */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    /** What a study is: its modality, body part, description and instances. */
    record Kind(String modality, String bodyPart, String description, int instances) {}

    static final List<Kind> KINDS = List.of(
            new Kind("DX", "CHEST", "胸部正位 DR", 2),
            new Kind("DX", "CHEST", "胸部正侧位 DR", 2),
            new Kind("CT", "HEAD", "头颅 CT 平扫", 240),
            new Kind("CT", "CHEST", "胸部 CT 平扫", 320),
            new Kind("US", "ABDOMEN", "腹部超声", 12),
            new Kind("MR", "LSPINE", "腰椎 MR 平扫", 180));

    /** Where the other persons' studies come from: hospitals and township centres of the seed. */
    static final List<String> SOURCES = ResultBulkLoad.ISSUERS;

    /** The columns the COPY fills, in the order of {@link #row}; the others keep their default (null, '{}'). */
    static final List<String> COLUMNS = List.of(
            "id",
            "study_uid",
            "version",
            "status",
            "source_code",
            "accession_number",
            "person_id",
            "patient_pseudonym",
            "patient_id_system",
            "patient_id_value",
            "patient_name",
            "patient_birth_date",
            "patient_sex",
            "study_date",
            "study_time",
            "started_at",
            "description",
            "modalities",
            "body_part",
            "series",
            "series_count",
            "instance_count",
            "retrieve_base",
            "content_hash",
            "registered_at",
            "updated_at");

    /** One person as the studies name it. */
    record Person(String residentId, UUID id, String pseudonym) {}

    /** What the load did; {@code bulkRows}: rows 0 … bulkRows − 1 of the layout are loaded. */
    public record Report(
            long before,
            long inserted,
            double seconds,
            long persons,
            long personsAdded,
            double personSeconds,
            long bulkRows,
            double vacuumSeconds) {

        public long after() {
            return before + inserted;
        }

        public double rowsPerSecond() {
            return seconds <= 0 ? 0 : inserted / seconds;
        }

        /** The searched persons that have studies, and how many studies each has (the fewest). */
        public int searchablePersons() {
            return ImagingBulkLoad.searchablePersons(bulkRows);
        }

        public long studiesPerSearchedPerson() {
            return studiesOf(searchablePersons() - 1);
        }

        /** The studies searched person {@code person} has among the bulk-loaded rows. */
        public long studiesOf(int person) {
            return ImagingBulkLoad.studiesOfSearchedPerson(bulkRows, person);
        }
    }

    private final String jdbcUrl;
    private final Properties credentials = new Properties();
    private final PatientPseudonymizer pseudonymizer;
    private final PrintStream out;
    private final int chunkRows;

    /** @param jdbcUrl the database {@code imaging} of the running stack, as its superuser */
    public ImagingBulkLoad(
            String jdbcUrl, String user, String password, PatientPseudonymizer pseudonymizer, PrintStream out) {
        this(jdbcUrl, user, password, pseudonymizer, out, CHUNK_ROWS);
    }

    ImagingBulkLoad(
            String jdbcUrl,
            String user,
            String password,
            PatientPseudonymizer pseudonymizer,
            PrintStream out,
            int chunkRows) {
        this.jdbcUrl = jdbcUrl;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        this.pseudonymizer = pseudonymizer;
        this.out = out;
        this.chunkRows = chunkRows;
    }

    // ---- the layout ----

    /** Whether row g is a study of a searched person. */
    static boolean isSearched(long g) {
        return g % STRIDE == 0 && g / STRIDE < SEARCHED_STUDIES;
    }

    /** Searched rows before row g. */
    static long searchedBefore(long g) {
        return Math.min((g + STRIDE - 1) / STRIDE, SEARCHED_STUDIES);
    }

    /** The person (number of {@link SyntheticPersons}) row g belongs to. */
    static long personOf(long g) {
        if (isSearched(g)) {
            return (g / STRIDE) % SEARCHED_PERSONS;
        }
        return SEARCHED_PERSONS + (g - searchedBefore(g)) / STUDIES_PER_OTHER_PERSON;
    }

    /** Persons 0 … n − 1 that rows 0 … {@code rows} − 1 belong to. */
    public static long personsFor(long rows) {
        long others = rows - searchedBefore(rows);
        return SEARCHED_PERSONS + (others + STUDIES_PER_OTHER_PERSON - 1) / STUDIES_PER_OTHER_PERSON;
    }

    /** The searched persons that have at least one study among rows 0 … {@code rows} − 1. */
    static int searchablePersons(long rows) {
        return (int) Math.min(SEARCHED_PERSONS, searchedBefore(rows));
    }

    /** How many studies searched person {@code person} has among rows 0 … {@code rows} − 1. */
    static long studiesOfSearchedPerson(long rows, int person) {
        long searched = searchedBefore(rows);
        if (person < 0 || searched <= person) {
            return 0;
        }
        return (searched - 1 - person) / SEARCHED_PERSONS + 1;
    }

    /** The id of bulk-loaded study {@code g}. */
    static UUID studyId(long g) {
        String hex = ID_PREFIX + String.format("%024x", g);
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    /** The row number of a bulk-loaded study id. */
    static long rowNumber(UUID id) {
        String hex = id.toString().replace("-", "");
        if (!hex.startsWith(ID_PREFIX)) {
            throw new IllegalArgumentException("not a bulk-loaded study id: " + id);
        }
        return Long.parseUnsignedLong(hex.substring(ID_PREFIX.length()), 16);
    }

    static Kind kindOf(long g) {
        long mixed = Long.rotateLeft(g * 0x9E3779B97F4A7C15L, 17);
        return KINDS.get((int) Math.floorMod(mixed, (long) KINDS.size()));
    }

    static String sourceOf(long g) {
        if (isSearched(g)) {
            return SEARCHED_SOURCE;
        }
        long person = personOf(g);
        return SOURCES.get((int) ((person * 5 + g) % SOURCES.size()));
    }

    /** Seconds since the epoch when study g began, for a load at {@code loadEpochSecond}: 2 h to 4 years before. */
    static long startedAt(long g, long loadEpochSecond) {
        return loadEpochSecond - 7200 - (g * 7919) % SPREAD_SECONDS;
    }

    static String retrieveBase(String source) {
        return "https://pacs." + source.toLowerCase(Locale.ROOT) + ".example/dicom-web";
    }

    /**
     * Study g as one line of COPY's text format (tab-separated, {@code \N} for null, newline-terminated). No value
     * holds a tab, newline or backslash, so nothing needs escaping.
     */
    static String row(long g, Person person, long loadEpochSecond) {
        StringBuilder line = new StringBuilder(600);
        appendRow(line, g, person, loadEpochSecond);
        return line.toString();
    }

    private static void appendRow(StringBuilder line, long g, Person person, long loadEpochSecond) {
        boolean searched = isSearched(g);
        Kind kind = kindOf(g);
        String source = sourceOf(g);
        String uid = UID_ROOT + "." + g;
        long started = startedAt(g, loadEpochSecond);
        LocalDateTime startedUtc = LocalDateTime.ofEpochSecond(started, 0, ZoneOffset.UTC);
        LocalDateTime startedLocal = LocalDateTime.ofEpochSecond(started, 0, CHINA);
        String registered = TIMESTAMP.format(startedUtc.plusHours(1));
        String residentId = person.residentId();
        line.append(studyId(g)).append('\t');
        line.append(uid).append('\t');
        line.append("1\tREGISTERED\t");
        line.append(source).append('\t');
        line.append(searched ? "BK" + g : "\\N").append('\t');
        line.append(person.id()).append('\t');
        line.append(person.pseudonym()).append('\t');
        line.append(PatientIdentifierSystem.RESIDENT_ID.uri()).append('\t');
        line.append(residentId).append('\t');
        if (searched) {
            line.append("{\"alphabetic\": \"Ceshi^Huanzhe")
                    .append(personOf(g))
                    .append("\", \"ideographic\": \"测试^患者")
                    .append(personOf(g))
                    .append("\", \"phonetic\": null}\t");
            line.append(residentId, 6, 10)
                    .append('-')
                    .append(residentId, 10, 12)
                    .append('-')
                    .append(residentId, 12, 14)
                    .append('\t');
            line.append((residentId.charAt(16) - '0') % 2 == 1 ? 'M' : 'F').append('\t');
        } else {
            line.append("\\N\t\\N\t\\N\t");
        }
        line.append(startedLocal.toLocalDate()).append('\t');
        line.append(TIME.format(startedLocal)).append('\t');
        line.append(TIMESTAMP.format(startedUtc)).append('\t');
        line.append(searched ? kind.description() : "\\N").append('\t');
        line.append('{').append(kind.modality()).append("}\t");
        line.append(kind.bodyPart()).append('\t');
        line.append("[{\"bodyPart\": \"")
                .append(kind.bodyPart())
                .append("\", \"modality\": \"")
                .append(kind.modality())
                .append("\", \"description\": null, \"seriesNumber\": 1, \"instanceCount\": ")
                .append(kind.instances())
                .append(", \"seriesInstanceUid\": \"")
                .append(uid)
                .append(".1\"}]\t");
        line.append("1\t").append(kind.instances()).append('\t');
        line.append(retrieveBase(source)).append('\t');
        line.append("bulk-").append(g).append('\t');
        line.append(registered).append('\t');
        line.append(registered).append('\n');
    }

    static String copySql() {
        return "copy study (" + String.join(", ", COLUMNS) + ") from stdin";
    }

    // ---- the load ----

    /**
     * The bulk rows a load for {@code studies} must reach whatever else the table holds: the searched persons' rows
     * that {@code studies} rows of the layout have, so that studies registered through the API (by earlier runs, the
     * demo) cannot leave a searched person with fewer studies.
     */
    static long bulkRowsFor(long studies) {
        return Math.min(studies, (long) (SEARCHED_STUDIES - 1) * STRIDE + 1);
    }

    /**
     * Makes the table {@code study} hold at least {@code studies} rows, the searched persons' rows among them
     * ({@link #bulkRowsFor}): loads the persons, then the missing studies (nothing when it holds enough, which it says),
     * then VACUUM (ANALYZE), so autovacuum does not work through the new rows during the measured phases.
     */
    public Report ensure(long studies) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials)) {
            connection.setAutoCommit(true);
            long before = count(connection, "select count(*) from study");
            long start = nextRowNumber(connection);
            long end = Math.max(start + Math.max(0, studies - before), bulkRowsFor(studies));
            long persons = Math.max(personsFor(studies), personsFor(end));
            long personsStarted = System.nanoTime();
            long personsAdded = ResultBulkLoad.ensurePersons(connection, persons, pseudonymizer);
            double personSeconds = (System.nanoTime() - personsStarted) / 1e9;
            if (personsAdded > 0) {
                out.printf(
                        Locale.ROOT,
                        "  persons: %,d added (resident ID, its pseudonym and identity link) in %.1f s%n",
                        personsAdded,
                        personSeconds);
            } else {
                out.printf(Locale.ROOT, "  persons: all %,d already loaded%n", persons);
            }
            if (end <= start) {
                out.printf(
                        Locale.ROOT,
                        "  studies: the table already holds %,d rows (>= %,d), %,d of them bulk-loaded: load skipped%n",
                        before,
                        studies,
                        start);
                return new Report(before, 0, 0, persons, personsAdded, personSeconds, start, 0);
            }
            Person[] byNumber = persons(connection, persons);
            List<ResultBulkLoad.Chunk> chunks = ResultBulkLoad.chunks(start, end, chunkRows);
            out.printf(
                    Locale.ROOT,
                    "  studies: the table holds %,d rows; copying %,d (rows %,d to %,d) in %d COPY transactions of up"
                            + " to %,d rows%n",
                    before,
                    end - start,
                    start,
                    end - 1,
                    chunks.size(),
                    chunkRows);
            long loadEpochSecond = System.currentTimeMillis() / 1000;
            long inserted = 0;
            long started = System.nanoTime();
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int i = 0; i < chunks.size(); i++) {
                ResultBulkLoad.Chunk chunk = chunks.get(i);
                long chunkStarted = System.nanoTime();
                CopyIn in = copy.copyIn(copySql());
                try {
                    StringBuilder buffer = new StringBuilder(1 << 20);
                    for (long g = chunk.first(); g <= chunk.last(); g++) {
                        appendRow(buffer, g, byNumber[(int) personOf(g)], loadEpochSecond);
                        if (buffer.length() > (1 << 20) - 2048) {
                            write(in, buffer);
                        }
                    }
                    write(in, buffer);
                    long rows = in.endCopy();
                    inserted += rows;
                    double chunkSeconds = (System.nanoTime() - chunkStarted) / 1e9;
                    out.printf(
                            Locale.ROOT,
                            "    %d/%d rows %,d-%,d: %,d copied in %.1f s (%,.0f rows/s)%n",
                            i + 1,
                            chunks.size(),
                            chunk.first(),
                            chunk.last(),
                            rows,
                            chunkSeconds,
                            rows / Math.max(chunkSeconds, 1e-9));
                } finally {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "  loaded %,d studies in %.1f s: %,.0f rows/s%n",
                    inserted,
                    seconds,
                    inserted / Math.max(seconds, 1e-9));
            long vacuumStarted = System.nanoTime();
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum (analyze) study, person, person_identifier");
            }
            double vacuumSeconds = (System.nanoTime() - vacuumStarted) / 1e9;
            out.printf(Locale.ROOT, "  VACUUM (ANALYZE) study, person, person_identifier: %.1f s%n", vacuumSeconds);
            return new Report(before, inserted, seconds, persons, personsAdded, personSeconds, end, vacuumSeconds);
        }
    }

    private static void write(CopyIn in, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Persons 0 … {@code persons} − 1 by number, as bench_person has them (the service's own row where it had one). */
    private static Person[] persons(Connection connection, long persons) throws SQLException {
        Person[] byNumber = new Person[(int) persons];
        try (PreparedStatement select = connection.prepareStatement(
                "select n, resident_id, person_id, pseudonym from bench_person where n < ?")) {
            select.setLong(1, persons);
            select.setFetchSize(50_000);
            connection.setAutoCommit(false);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byNumber[rows.getInt(1)] =
                            new Person(rows.getString(2), rows.getObject(3, UUID.class), rows.getString(4));
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
        for (int n = 0; n < byNumber.length; n++) {
            if (byNumber[n] == null) {
                throw new IllegalStateException("bench_person lacks person " + n);
            }
        }
        return byNumber;
    }

    /** One past the highest bulk-loaded row (the last entry of the primary key in the bulk range); 0 when none. */
    private static long nextRowNumber(Connection connection) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select id from study where id between ? and ? order by id desc limit 1")) {
            select.setObject(1, studyId(0));
            select.setObject(2, UUID.fromString(ID_PREFIX + "-ffff-ffff-ffff-ffffffffffff"));
            try (ResultSet row = select.executeQuery()) {
                UUID highest = row.next() ? row.getObject(1, UUID.class) : null;
                return highest == null ? 0 : rowNumber(highest) + 1;
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet row = select.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
