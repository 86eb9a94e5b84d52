package org.sanyi.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recomputes the chain and reports the first place it no longer holds. A check continues from the newest
 * checkpoint ({@code audit_verification}) that an earlier intact check stored, so a call costs the records sealed
 * since then, not the whole table; {@link #verifyFromStart()} walks everything again (and still compares with the
 * checkpoint, so a chain rewritten before it or cut short behind it is reported).
 */
@ApplicationScoped
public class AuditVerifier {

    /** One check at a time: concurrent callers wait instead of walking the same records in parallel. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('sanyi-audit-verifier'))";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "sanyi.audit.stale-unsealed-after", defaultValue = "PT1M")
    Duration staleUnsealedAfter;

    /** Checks the records sealed since the last verified checkpoint. */
    public AuditVerification verify() throws SQLException {
        return verify(false);
    }

    /** Checks the whole chain from its first record. */
    public AuditVerification verifyFromStart() throws SQLException {
        return verify(true);
    }

    private record Checkpoint(long chainSeq, String hash) {}

    private AuditVerification verify(boolean fromStart) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    lock.execute();
                }
                Checkpoint checkpoint = latestCheckpoint(connection);
                Walk walk = fromStart || checkpoint == null
                        ? walk(connection, 0, AuditChain.GENESIS, AuditChain.LEGACY_FORMAT, checkpoint)
                        : walkFromCheckpoint(connection, checkpoint);
                if (walk.broken == null && walk.headSeq > (checkpoint == null ? 0 : checkpoint.chainSeq)) {
                    storeCheckpoint(connection, walk.headSeq, walk.headHash);
                }
                long stale = staleUnsealed(connection);
                connection.commit();
                return new AuditVerification(
                        walk.broken == null,
                        walk.fromSeq,
                        walk.checked,
                        walk.broken == null ? walk.headSeq : walk.broken - 1,
                        walk.broken,
                        walk.reason,
                        stale,
                        staleUnsealedAfter.toSeconds());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Where a walk got to: the last intact position, or the first broken one and why. */
    private static final class Walk {
        final long fromSeq;
        long checked;
        long headSeq;
        String headHash;
        Long broken;
        String reason;

        Walk(long fromSeq, String fromHash) {
            this.fromSeq = fromSeq;
            this.headSeq = fromSeq;
            this.headHash = fromHash;
        }

        Walk broken(long seq, String why) {
            broken = seq;
            reason = why;
            return this;
        }
    }

    private Walk walkFromCheckpoint(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select hash, hash_format from audit_record where chain_seq = ?")) {
            select.setLong(1, checkpoint.chainSeq);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Walk(checkpoint.chainSeq, checkpoint.hash)
                            .broken(
                                    checkpoint.chainSeq,
                                    "record " + checkpoint.chainSeq + ", verified before, is missing");
                }
                if (!checkpoint.hash.equals(row.getString("hash"))) {
                    return new Walk(checkpoint.chainSeq, checkpoint.hash)
                            .broken(
                                    checkpoint.chainSeq,
                                    "record " + checkpoint.chainSeq + " was changed after it was verified");
                }
                return walk(connection, checkpoint.chainSeq, checkpoint.hash, row.getInt("hash_format"), null);
            }
        }
    }

    /**
     * Walks the records after {@code fromSeq}. When {@code checkpoint} is given (a walk from the start), the record at
     * its position must still have its hash, and the chain must reach it.
     */
    private Walk walk(Connection connection, long fromSeq, String fromHash, int fromFormat, Checkpoint checkpoint)
            throws SQLException {
        Walk walk = new Walk(fromSeq, fromHash);
        int previousFormat = fromFormat;
        try (PreparedStatement select = connection.prepareStatement("select " + AuditChain.COLUMNS
                + ", chain_seq, prev_hash, hash, hash_format from audit_record where chain_seq > ?"
                + " order by chain_seq")) {
            select.setLong(1, fromSeq);
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long expectedSeq = walk.headSeq + 1;
                    long seq = rows.getLong("chain_seq");
                    if (seq != expectedSeq) {
                        return walk.broken(expectedSeq, "record " + expectedSeq + " is missing");
                    }
                    if (!Objects.equals(rows.getString("prev_hash"), walk.headHash)) {
                        return walk.broken(seq, "record " + seq + " does not follow its predecessor");
                    }
                    int format = rows.getInt("hash_format");
                    // Formats only move forward along the chain: an old format after a newer one is a rewrite.
                    if (rows.wasNull() || !AuditChain.isKnownFormat(format) || format < previousFormat) {
                        return walk.broken(seq, "record " + seq + " was modified (hash format)");
                    }
                    String recomputed = AuditChain.hash(rows, format, seq, walk.headHash);
                    if (!recomputed.equals(rows.getString("hash"))) {
                        return walk.broken(seq, "record " + seq + " was modified");
                    }
                    if (checkpoint != null && seq == checkpoint.chainSeq && !recomputed.equals(checkpoint.hash)) {
                        return walk.broken(seq, "record " + seq + " was rehashed after it was verified");
                    }
                    previousFormat = format;
                    walk.headSeq = seq;
                    walk.headHash = recomputed;
                    walk.checked++;
                }
            }
        }
        if (checkpoint != null && walk.headSeq < checkpoint.chainSeq) {
            return walk.broken(
                    walk.headSeq + 1,
                    "the chain ends at " + walk.headSeq + " but was verified up to " + checkpoint.chainSeq
                            + ": its newest records were removed");
        }
        return walk;
    }

    private static Checkpoint latestCheckpoint(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                        "select chain_seq, hash from audit_verification order by chain_seq desc limit 1");
                ResultSet row = select.executeQuery()) {
            return row.next() ? new Checkpoint(row.getLong(1), row.getString(2)) : null;
        }
    }

    private static void storeCheckpoint(Connection connection, long chainSeq, String hash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_verification (chain_seq, hash) values (?, ?) on conflict do nothing")) {
            insert.setLong(1, chainSeq);
            insert.setString(2, hash);
            insert.executeUpdate();
        }
    }

    private long staleUnsealed(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "select count(*) from audit_record where chain_seq is null and recorded_at < ?")) {
            count.setTimestamp(1, Timestamp.from(Instant.now().minus(staleUnsealedAfter)));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
