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

    /** Counters at one moment; {@code statements} is empty when pg_stat_statements is not loaded. */
    public record Snapshot(long commits, long walBytes, Map<String, Long> callsByStatement) {}

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
            return new Snapshot(commits, wal, statements(connection));
        } catch (SQLException e) {
            return new Snapshot(0, 0, Map.of());
        }
    }

    private Map<String, Long> statements(Connection connection) {
        if (!statementsAvailable) {
            return Map.of();
        }
        Map<String, Long> calls = new HashMap<>();
        try (Statement create = connection.createStatement()) {
            create.execute("create extension if not exists pg_stat_statements");
        } catch (SQLException e) {
            statementsAvailable = false;
            return Map.of();
        }
        try (PreparedStatement select = connection.prepareStatement("select s.query, sum(s.calls) from"
                + " pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ? group by 1")) {
            select.setString(1, database);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    calls.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            // "must be loaded via shared_preload_libraries": a stack started before the launcher preloaded it
            statementsAvailable = false;
            return Map.of();
        }
        return calls;
    }

    /** Per created referral between two snapshots. */
    public record PerCreate(double commits, double walBytes, double statements, List<String> topStatements) {}

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
        return new PerCreate(
                (after.commits() - before.commits()) / n,
                (after.walBytes() - before.walBytes()) / n,
                after.callsByStatement().isEmpty()
                        ? Double.NaN
                        : delta.values().stream().mapToLong(Long::longValue).sum() / n,
                top);
    }

    private static String shorten(String query) {
        String oneLine = query.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 110 ? oneLine.substring(0, 110) + "…" : oneLine;
    }
}
