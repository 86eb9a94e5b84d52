package org.sanyi.localstack.bench;

import java.io.PrintStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.PatientPseudonymizer;

/**
 * Fills result-service's database {@code result} with synthetic results directly, not through the API, so that
 * {@code bench results} measures checks against millions of stored results: first the persons and their resident-ID
 * links (tables {@code person} and {@code person_identifier}, keyed by the pseudonym of the normalised resident ID, as
 * the service keys them), then the results in chunks of {@value #CHUNK_ROWS} rows, each one
 * {@code insert … select … from generate_series}, spread over the persons, {@link #ITEMS} and {@link #ISSUERS} of the
 * seed region, with specimen times over the last two years. Rows are numbered: result g has id
 * {@code b17c0000-…-<g in hex>} and report id {@code BULK-<g>}, so a later run continues where an earlier one stopped.
 *
 * <p>The persons are also kept in a table of the bench's own, {@code bench_person} (number, resident ID, identifier
 * key, person id, pseudonym), from which the chunks take them; the service never reads it.
 */
public final class ResultBulkLoad {

    /** Items of the results: lab panels that need EQA and exams that do not. */
    public static final List<String> ITEMS =
            List.of("LAB-CBC", "LAB-LFT", "LAB-RFT", "LAB-GLU", "EXAM-CXR", "EXAM-ECG");

    /** Issuing (and performing) institutions of the 宁德 seed: hospitals and township centres of several counties. */
    public static final List<String> ISSUERS = List.of(
            "NDXP-H01",
            "NDXP-THC01",
            "NDXP-TCM01",
            "ND-H01",
            "ND-H02",
            "NDJC-H01",
            "NDGT-H01",
            "NDGT-THC01",
            "NDFA-H01",
            "NDFA-THC01",
            "NDFD-H01",
            "NDFD-TCM01");

    public static final int CHUNK_ROWS = 500_000;

    /** Specimen times spread over this many seconds before the load (two years of 365 days). */
    static final long SPREAD_SECONDS = 730L * 24 * 3600;

    /** The first 8 hex digits of every bulk-loaded result id; the other 24 are the row number. */
    static final String ID_PREFIX = "b17c0000";

    static final String REPORT_PREFIX = "BULK-";
    static final String LOADED_BY = "sanyi-bench";

    /** Rows g from {@code first} to {@code last}, both included. */
    public record Chunk(long first, long last) {
        public long rows() {
            return last - first + 1;
        }
    }

    /** What the load did. */
    public record Report(
            long before, long inserted, double seconds, long persons, long personsAdded, double personSeconds) {

        public long after() {
            return before + inserted;
        }

        public double rowsPerSecond() {
            return seconds <= 0 ? 0 : inserted / seconds;
        }
    }

    private final String jdbcUrl;
    private final Properties credentials = new Properties();
    private final PatientPseudonymizer pseudonymizer;
    private final PrintStream out;
    private final int chunkRows;

    /** @param jdbcUrl the database {@code result} of the running stack, as its superuser */
    public ResultBulkLoad(
            String jdbcUrl, String user, String password, PatientPseudonymizer pseudonymizer, PrintStream out) {
        this(jdbcUrl, user, password, pseudonymizer, out, CHUNK_ROWS);
    }

    ResultBulkLoad(
            String jdbcUrl,
            String user,
            String password,
            PatientPseudonymizer pseudonymizer,
            PrintStream out,
            int chunkRows) {
        this.chunkRows = chunkRows;
        this.jdbcUrl = jdbcUrl;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        this.pseudonymizer = pseudonymizer;
        this.out = out;
    }

    /** Chunks of at most {@code size} rows covering {@code from} (included) to {@code toExclusive}. */
    public static List<Chunk> chunks(long from, long toExclusive, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        List<Chunk> chunks = new ArrayList<>();
        for (long first = from; first < toExclusive; first += size) {
            chunks.add(new Chunk(first, Math.min(toExclusive, first + size) - 1));
        }
        return chunks;
    }

    /** The id of bulk-loaded result {@code g}, as the insert computes it. */
    static UUID resultId(long g) {
        String hex = ID_PREFIX + String.format("%024x", g);
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    /** The row number of a bulk-loaded result id. */
    static long rowNumber(UUID id) {
        String hex = id.toString().replace("-", "");
        if (!hex.startsWith(ID_PREFIX)) {
            throw new IllegalArgumentException("not a bulk-loaded result id: " + id);
        }
        return Long.parseUnsignedLong(hex.substring(ID_PREFIX.length()), 16);
    }

    /**
     * One chunk of results. Parameters: the number of persons, the first and the last row number. Result g belongs to
     * person (g / {@value SyntheticPersons#RESULTS_PER_PERSON}) mod persons, is of item g mod items, and comes from an
     * issuer that varies over a person's results of one item.
     */
    static String resultInsertSql() {
        int items = ITEMS.size();
        return "insert into result (id, issuer_code, report_id, version, status, item_code, performer_code, person_id,"
                + " patient_pseudonym, patient_id_system, patient_id_value, specimen_at, reported_at, observations,"
                + " findings, conclusion, content_hash, repeat_without_reason, published_at, updated_at)"
                + " select ('" + ID_PREFIX + "' || lpad(to_hex(s.g), 24, '0'))::uuid, s.issuer, '" + REPORT_PREFIX
                + "' || s.g, 0, 'FINAL', s.item, s.issuer, p.person_id, p.pseudonym, '"
                + PatientIdentifierSystem.RESIDENT_ID.uri() + "', p.resident_id, s.specimen_at,"
                + " s.specimen_at + interval '1 hour', null, null,"
                + " case when s.item like 'EXAM-%' then '未见明显异常' end, 'bulk-' || s.g, false,"
                + " s.specimen_at + interval '1 hour', s.specimen_at + interval '1 hour'"
                + " from (select g,"
                + " (" + textArray(ITEMS) + ")[1 + (g % " + items + ")::int] as item,"
                + " (" + textArray(ISSUERS) + ")[1 + (((g / " + items + ") * 5 + g / "
                + SyntheticPersons.RESULTS_PER_PERSON + ") % " + ISSUERS.size() + ")::int] as issuer,"
                + " ((g / " + SyntheticPersons.RESULTS_PER_PERSON + ") % ?)::int as person,"
                + " now() - interval '2 hours' - ((g * 7919) % " + SPREAD_SECONDS + ")::double precision"
                + " * interval '1 second' as specimen_at"
                + " from generate_series(?::bigint, ?::bigint) g) s"
                + " join bench_person p on p.n = s.person"
                + " on conflict do nothing";
    }

    /** {@code array['a', 'b']::text[]} of constants of this class (never of input). */
    private static String textArray(List<String> values) {
        return values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", ", "array[", "]::text[]"));
    }

    /**
     * Makes the table hold at least {@code results} rows: loads what is missing (nothing when it holds enough, which
     * it says), then VACUUM (ANALYZE): otherwise PostgreSQL's autovacuum works through the freshly loaded rows
     * during the measured phases (on 10 million rows, the first minute and a half), and its CPU counts as the checks'.
     */
    public Report ensure(long results) throws SQLException {
        long persons = SyntheticPersons.forResults(results);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials)) {
            connection.setAutoCommit(true);
            long personsStarted = System.nanoTime();
            long personsAdded = ensurePersons(connection, persons, pseudonymizer);
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
            long before = count(connection, "select count(*) from result");
            if (before >= results) {
                out.printf(
                        Locale.ROOT,
                        "  results: the table already holds %,d rows (>= %,d): load skipped%n",
                        before,
                        results);
                return new Report(before, 0, 0, persons, personsAdded, personSeconds);
            }
            long start = nextRowNumber(connection);
            List<Chunk> chunks = chunks(start, start + (results - before), chunkRows);
            out.printf(
                    Locale.ROOT,
                    "  results: the table holds %,d rows; inserting %,d (rows %,d to %,d) in %d statements of up to"
                            + " %,d rows%n",
                    before,
                    results - before,
                    start,
                    start + (results - before) - 1,
                    chunks.size(),
                    chunkRows);
            long inserted = 0;
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(resultInsertSql())) {
                for (int i = 0; i < chunks.size(); i++) {
                    Chunk chunk = chunks.get(i);
                    long chunkStarted = System.nanoTime();
                    insert.setLong(1, persons);
                    insert.setLong(2, chunk.first());
                    insert.setLong(3, chunk.last());
                    int rows = insert.executeUpdate();
                    inserted += rows;
                    double chunkSeconds = (System.nanoTime() - chunkStarted) / 1e9;
                    out.printf(
                            Locale.ROOT,
                            "    %d/%d rows %,d-%,d: %,d inserted in %.1f s (%,.0f rows/s)%n",
                            i + 1,
                            chunks.size(),
                            chunk.first(),
                            chunk.last(),
                            rows,
                            chunkSeconds,
                            rows / Math.max(chunkSeconds, 1e-9));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "  loaded %,d results in %.1f s: %,.0f rows/s%n",
                    inserted,
                    seconds,
                    inserted / Math.max(seconds, 1e-9));
            long vacuumStarted = System.nanoTime();
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum (analyze) result, person, person_identifier");
            }
            out.printf(
                    Locale.ROOT,
                    "  VACUUM (ANALYZE) result, person, person_identifier: %.1f s%n",
                    (System.nanoTime() - vacuumStarted) / 1e9);
            return new Report(before, inserted, seconds, persons, personsAdded, personSeconds);
        }
    }

    /**
     * One past the highest bulk-loaded row (the last entry of the primary key in the bulk range, without a scan; there
     * is no max(uuid) in PostgreSQL); 0 when none is loaded.
     */
    private static long nextRowNumber(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id from result where id between ? and ? order by id desc limit 1")) {
            select.setObject(1, resultId(0));
            select.setObject(2, UUID.fromString(ID_PREFIX + "-ffff-ffff-ffff-ffffffffffff"));
            try (ResultSet row = select.executeQuery()) {
                UUID highest = row.next() ? row.getObject(1, UUID.class) : null;
                return highest == null ? 0 : rowNumber(highest) + 1;
            }
        }
    }

    /**
     * Persons 0 … {@code persons} − 1 with their resident-ID link, in the tables {@code person} and
     * {@code person_identifier} of the connected database (any service's: the platform's identity tables are the same
     * everywhere) and in {@code bench_person}; how many had to be added to bench_person.
     */
    static long ensurePersons(Connection connection, long persons, PatientPseudonymizer pseudonymizer)
            throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create table if not exists bench_person (n integer primary key, resident_id text not null,"
                    + " identifier_key text not null, person_id uuid not null, pseudonym text not null)");
        }
        long known = count(connection, "select count(*) from bench_person where n < " + persons);
        if (known >= persons) {
            return 0;
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create temporary table if not exists bench_person_load (n integer, resident_id text,"
                    + " identifier_key text, person_id uuid, pseudonym text)");
            ddl.execute("truncate bench_person_load");
        }
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        int batch = 20_000;
        for (long first = 0; first < persons; first += batch) {
            StringBuilder csv = new StringBuilder(batch * 140);
            for (long n = first; n < Math.min(persons, first + batch); n++) {
                String residentId = SyntheticPersons.residentId(n);
                String key = pseudonymizer.pseudonymOf(PatientIdentifierSystem.RESIDENT_ID.identifier(residentId));
                csv.append(n)
                        .append(',')
                        .append(residentId)
                        .append(',')
                        .append(key)
                        .append(',')
                        .append(SyntheticPersons.personId(n))
                        .append(',')
                        .append(key)
                        .append('\n');
            }
            try {
                copy.copyIn(
                        "copy bench_person_load (n, resident_id, identifier_key, person_id, pseudonym) from stdin"
                                + " (format csv)",
                        new StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY of the bench persons failed", e);
            }
        }
        long added;
        try (Statement load = connection.createStatement()) {
            added = load.executeUpdate(
                    "insert into bench_person select * from bench_person_load on conflict (n) do" + " nothing");
            // The resident ID is the anchor: the person's pseudonym is that of the resident ID, like the service's.
            load.executeUpdate("insert into person (id, pseudonym, created_at, created_by) select person_id, pseudonym,"
                    + " now(), '" + LOADED_BY + "' from bench_person on conflict do nothing");
            // A person the service created first (same pseudonym, its own id) is the one to use.
            load.executeUpdate("update bench_person b set person_id = p.id from person p where p.pseudonym ="
                    + " b.pseudonym and p.id <> b.person_id");
            load.executeUpdate("insert into person_identifier (identifier_key, identifier_system, person_id,"
                    + " linked_at, linked_by) select identifier_key, '" + PatientIdentifierSystem.RESIDENT_ID.uri()
                    + "', person_id, now(), '" + LOADED_BY + "' from bench_person on conflict do nothing");
            // A resident ID the service had linked to another person before: the results go to that person.
            load.executeUpdate("update bench_person b set person_id = i.person_id, pseudonym = p.pseudonym from"
                    + " person_identifier i join person p on p.id = i.person_id where i.identifier_key ="
                    + " b.identifier_key and i.person_id <> b.person_id");
            load.execute("drop table bench_person_load");
            load.execute("analyze bench_person");
        }
        return added;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet row = select.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
