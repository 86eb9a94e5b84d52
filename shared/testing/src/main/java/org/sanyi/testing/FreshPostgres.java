package org.sanyi.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * An embedded PostgreSQL server with one freshly created database whose name is random. The server trusts local
 * connections; the password is only set because clients expect one.
 */
final class FreshPostgres implements TestDatabase {

    private final EmbeddedPostgres server;
    private final String databaseName;

    private FreshPostgres(EmbeddedPostgres server, String databaseName) {
        this.server = server;
        this.databaseName = databaseName;
    }

    static FreshPostgres start() {
        try {
            EmbeddedPostgres server =
                    EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            String databaseName = randomDatabaseName();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + databaseName);
            }
            return new FreshPostgres(server, databaseName);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database", e);
        }
    }

    /** A name no earlier run used, so a reused server never hands a test leftover data. */
    static String randomDatabaseName() {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        return "sanyi_test_" + HexFormat.of().formatHex(suffix);
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + databaseName;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Best effort at JVM exit: the data directory is a temp directory.
        }
    }
}
