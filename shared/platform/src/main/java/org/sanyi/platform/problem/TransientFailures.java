package org.sanyi.platform.problem;

import java.sql.SQLException;

/**
 * Database failures worth a retry: connection lost (08), resources exhausted (53), operator intervention (57),
 * transaction rolled back (40: serialization failure, deadlock). Answered 503 with Retry-After, never 500.
 */
public final class TransientFailures {

    private TransientFailures() {}

    public static boolean isTransient(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.startsWith("57")
                        || sqlState.startsWith("53")
                        || sqlState.startsWith("40"));
    }

    /** The first SQL failure in {@code e}'s causes, when it is transient. */
    public static SQLException transientCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isTransient(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }
}
