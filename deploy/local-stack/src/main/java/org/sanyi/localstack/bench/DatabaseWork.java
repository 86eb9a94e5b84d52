package org.sanyi.localstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What PostgreSQL did for one database during a phase: commits (pg_stat_database), WAL bytes (the server's WAL
 * position; the other databases are idle during a bench) and statements by text (pg_stat_statements, which the local
 * stack preloads). Divided by the referrals created, these say how much database work one create costs.
 */
public final class DatabaseWork {

    /**
     * Counters at one moment; the statements' calls and execution time (ms) are empty when pg_stat_statements is not
     * loaded.
     */
    public record Snapshot(
            long commits, long walBytes, Map<String, Long> callsByStatement, Map<String, Double> msByStatement) {

        public Snapshot(long commits, long walBytes, Map<String, Long> callsByStatement) {
            this(commits, walBytes, callsByStatement, Map.of());
        }
    }

    private final String jdbcUrl;
    private final String database;
    private final Properties credentials = new Properties();
    private boolean statementsAvailable = true;

    /** @param jdbcUrl the server's {@code postgres} database, from where every database's counters are read */
    public DatabaseWork(String jdbcUrl, String database, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.database = database;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
    }

    public Snapshot take() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials)) {
            long commits;
            try (PreparedStatement select =
                    connection.prepareStatement("select xact_commit from pg_stat_database where datname = ?")) {
                select.setString(1, database);
                try (ResultSet row = select.executeQuery()) {
                    commits = row.next() ? row.getLong(1) : 0;
                }
            }
            long wal;
            try (Statement select = connection.createStatement();
                    ResultSet row = select.executeQuery("select pg_current_wal_lsn() - '0/0'::pg_lsn")) {
                row.next();
                wal = row.getLong(1);
            }
            Map<String, Long> calls = new HashMap<>();
            Map<String, Double> millis = new HashMap<>();
            statements(connection, calls, millis);
            return new Snapshot(commits, wal, calls, millis);
        } catch (SQLException e) {
            return new Snapshot(0, 0, Map.of());
        }
    }

    private void statements(Connection connection, Map<String, Long> calls, Map<String, Double> millis) {
        if (!statementsAvailable) {
            return;
        }
        try (Statement create = connection.createStatement()) {
            create.execute("create extension if not exists pg_stat_statements");
        } catch (SQLException e) {
            statementsAvailable = false;
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("select s.query, sum(s.calls),"
                + " sum(s.total_exec_time) from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                + " where d.datname = ? group by 1")) {
            select.setString(1, database);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    calls.put(rows.getString(1), rows.getLong(2));
                    millis.put(rows.getString(1), rows.getDouble(3));
                }
            }
        } catch (SQLException e) {
            // "must be loaded via shared_preload_libraries": a stack started before the launcher preloaded it
            statementsAvailable = false;
            calls.clear();
            millis.clear();
        }
    }

    /**
     * Per created referral (or other unit of work) between two snapshots.
     *
     * @param topStatements the statements called most, with their calls per unit
     * @param slowestStatements the statements that took the most execution time, with their ms per unit and per call:
     *     the service's own statements and those of its background work (outbox relay, audit sealer) alike
     */
    public record PerCreate(
            double commits,
            double walBytes,
            double statements,
            List<String> topStatements,
            List<String> slowestStatements) {

        public PerCreate(double commits, double walBytes, double statements, List<String> topStatements) {
            this(commits, walBytes, statements, topStatements, List.of());
        }
    }

    public static PerCreate perCreate(Snapshot before, Snapshot after, long created) {
        double n = Math.max(1, created);
        Map<String, Long> delta = new HashMap<>();
        after.callsByStatement().forEach((query, calls) -> {
            long d = calls - before.callsByStatement().getOrDefault(query, 0L);
            if (d > 0) {
                delta.put(query, d);
            }
        });
        List<String> top = new ArrayList<>();
        delta.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .forEach(entry -> top.add(
                        String.format(Locale.ROOT, "%6.3f  %s", entry.getValue() / n, shorten(entry.getKey()))));
        Map<String, Double> millis = new HashMap<>();
        after.msByStatement().forEach((query, ms) -> {
            double d = ms - before.msByStatement().getOrDefault(query, 0.0);
            if (d > 0) {
                millis.put(query, d);
            }
        });
        List<String> slowest = new ArrayList<>();
        millis.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(6)
                .forEach(entry -> slowest.add(String.format(
                        Locale.ROOT,
                        "%6.3f ms (%.3f ms a call)  %s",
                        entry.getValue() / n,
                        entry.getValue() / Math.max(1, delta.getOrDefault(entry.getKey(), 0L)),
                        shorten(entry.getKey()))));
        return new PerCreate(
                (after.commits() - before.commits()) / n,
                (after.walBytes() - before.walBytes()) / n,
                after.callsByStatement().isEmpty()
                        ? Double.NaN
                        : delta.values().stream().mapToLong(Long::longValue).sum() / n,
                top,
                slowest);
    }

    private static String shorten(String query) {
        String oneLine = query.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 110 ? oneLine.substring(0, 110) + "…" : oneLine;
    }
}
