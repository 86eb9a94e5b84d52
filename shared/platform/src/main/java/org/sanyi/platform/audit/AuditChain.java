package org.sanyi.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash that links each audit record to the one before it. Sealer and verifier compute it the same way; each
 * sealed row names the format it was hashed in ({@code hash_format}), so rows sealed before a format change still
 * verify.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    /** Fields joined by U+001F; {@code null} and {@code ""} hash alike. Rows sealed before platform V0_3. */
    static final int LEGACY_FORMAT = 1;

    /** Every field length-prefixed, {@code null} distinct from {@code ""}: no two rows share a hash input. */
    static final int LENGTH_PREFIXED_FORMAT = 2;

    static final int CURRENT_FORMAT = LENGTH_PREFIXED_FORMAT;

    /** Columns read by {@link #hash(ResultSet, int, long, String)}, in order. */
    static final String COLUMNS = "id, recorded_at, actor_subject, institution_code, role, action, resource_type,"
            + " resource_id, patient_pseudonym, purpose";

    private static final byte[] DOMAIN = "sanyi-audit-record".getBytes(StandardCharsets.UTF_8);

    /** Length written in place of a field that is SQL {@code NULL}. */
    private static final int NULL_LENGTH = -1;

    private AuditChain() {}

    static boolean isKnownFormat(int format) {
        return format == LEGACY_FORMAT || format == LENGTH_PREFIXED_FORMAT;
    }

    static String hash(ResultSet row, int format, long chainSeq, String previousHash) throws SQLException {
        return switch (format) {
            case LEGACY_FORMAT -> legacyHash(row, chainSeq, previousHash);
            case LENGTH_PREFIXED_FORMAT -> lengthPrefixedHash(row, chainSeq, previousHash);
            default -> throw new IllegalArgumentException("unknown audit hash format " + format);
        };
    }

    private static String lengthPrefixedHash(ResultSet row, long chainSeq, String previousHash) throws SQLException {
        Instant recordedAt = row.getTimestamp("recorded_at").toInstant();
        MessageDigest sha256 = sha256();
        field(sha256, DOMAIN);
        field(sha256, Integer.toString(LENGTH_PREFIXED_FORMAT));
        field(sha256, Long.toString(chainSeq));
        field(sha256, Long.toString(row.getLong("id")));
        field(sha256, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt)));
        field(sha256, row.getString("actor_subject"));
        field(sha256, row.getString("institution_code"));
        field(sha256, row.getString("role"));
        field(sha256, row.getString("action"));
        field(sha256, row.getString("resource_type"));
        field(sha256, row.getString("resource_id"));
        field(sha256, row.getString("patient_pseudonym"));
        field(sha256, row.getString("purpose"));
        field(sha256, previousHash);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void field(MessageDigest digest, String value) {
        field(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES)
                .putInt(value == null ? NULL_LENGTH : value.length)
                .array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static String legacyHash(ResultSet row, long chainSeq, String previousHash) throws SQLException {
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
        return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullSafe(String value) {
        return value == null ? "" : value;
    }
}
