package org.sanyi.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash that links each audit record to the one before it. Sealer and verifier compute it the same way. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    /** Columns read by {@link #hash(ResultSet, long, String)}, in order. */
    static final String COLUMNS = "id, recorded_at, actor_subject, institution_code, role, action, resource_type,"
            + " resource_id, patient_pseudonym, purpose";

    private AuditChain() {}

    static String hash(ResultSet row, long chainSeq, String previousHash) throws SQLException {
        Instant recordedAt = row.getTimestamp("recorded_at").toInstant();
        String canonical = String.join(
                "\u001f",
                Long.toString(chainSeq),
                Long.toString(row.getLong("id")),
                recordedAt.toString(),
                nullSafe(row.getString("actor_subject")),
                row.getString("institution_code"),
                row.getString("role"),
                row.getString("action"),
                row.getString("resource_type"),
                row.getString("resource_id"),
                nullSafe(row.getString("patient_pseudonym")),
                row.getString("purpose"),
                previousHash);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullSafe(String value) {
        return value == null ? "" : value;
    }
}
