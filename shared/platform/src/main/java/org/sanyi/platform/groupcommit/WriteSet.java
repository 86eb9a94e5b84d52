package org.sanyi.platform.groupcommit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanyi.platform.http.IdempotencyKeys;

/**
 * The rows one request writes, all values already computed on the request's thread: plain SQL rows (the resource,
 * an event for the outbox, an audit record) and at most one idempotency claim. {@link GroupCommit} inserts them with the
 * write sets of other requests and commits them together; they commit or vanish as one.
 */
public final class WriteSet {

    /** A parameterised single-row insert ({@code insert into t (a, b) values (?, ?)}), batched per statement text. */
    public record SqlRow(String insert, Object[] values) {

        /** Inserts this row alone, on {@code connection}'s transaction. */
        public void insertOn(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                bind(statement);
                statement.executeUpdate();
            }
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    private final List<SqlRow> rows = new ArrayList<>(3);
    private IdempotencyKeys.Claim claim;
    private boolean carriesEvents;

    /** A row inserted by {@code insert}, a statement with one placeholder per value. */
    public WriteSet insertRow(String insert, Object... values) {
        rows.add(new SqlRow(insert, values));
        return this;
    }

    /** The value of a {@code ?::jsonb} placeholder: {@code value} written as JSON text. */
    public static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a jsonb column value cannot be written as JSON", e);
        }
    }

    /** An outbox row: the relay is woken once the set commits. */
    public WriteSet insertEvent(String insert, Object... values) {
        carriesEvents = true;
        return insertRow(insert, values);
    }

    /**
     * Claims an Idempotency-Key for what this set creates. When the key was claimed already, nothing of the set is
     * written and {@link GroupCommit#commit} answers {@link GroupCommit.Outcome#KEY_CLAIMED_BEFORE}.
     */
    public WriteSet claim(IdempotencyKeys.Claim claim) {
        if (this.claim != null) {
            throw new IllegalStateException("a write set claims one Idempotency-Key at most");
        }
        this.claim = claim;
        return this;
    }

    /** Inserts the rows of {@code sets} on {@code connection}: one JDBC batch per statement text, in first-seen order. */
    static void insertRows(Connection connection, List<WriteSet> sets) throws SQLException {
        Map<String, List<SqlRow>> byStatement = new LinkedHashMap<>();
        for (WriteSet set : sets) {
            for (SqlRow row : set.rows) {
                byStatement
                        .computeIfAbsent(row.insert(), sql -> new ArrayList<>())
                        .add(row);
            }
        }
        for (Map.Entry<String, List<SqlRow>> statement : byStatement.entrySet()) {
            try (PreparedStatement insert = connection.prepareStatement(statement.getKey())) {
                for (SqlRow row : statement.getValue()) {
                    row.bind(insert);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    IdempotencyKeys.Claim claim() {
        return claim;
    }

    boolean carriesEvents() {
        return carriesEvents;
    }

    boolean isEmpty() {
        return rows.isEmpty() && claim == null;
    }
}
