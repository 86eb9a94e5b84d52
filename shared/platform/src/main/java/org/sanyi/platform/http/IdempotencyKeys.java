package org.sanyi.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;

/**
 * Makes a creating request safe to retry (header {@code Idempotency-Key}): the first request with a key claims it for
 * the resource it creates, in the same transaction; a retry with the same key and the same body gets that resource
 * back (answered 200 with {@code Idempotent-Replayed: true}); the same key with another body is a 422. Keys belong to
 * the calling institution and the operation, and are forgotten after {@code sanyi.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern SHAPE = Pattern.compile("^[\\x21-\\x7e]{1,128}$");

    /** A key of {@code institution} for {@code operation}, claimed for the resource about to be created. */
    public record Claim(String institution, String operation, String key, String requestHash, String resourceId) {}

    private static final String CLAIM_ALL = "insert into idempotency_key"
            + " (institution_code, operation, idempotency_key, request_hash, resource_id, created_at)"
            + " select institution, operation, key, hash, resource, now()"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " as claim(institution, operation, key, hash, resource)"
            + " on conflict do nothing returning institution_code, operation, idempotency_key, resource_id";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "sanyi.idempotency.retention", defaultValue = "P7D")
    Duration retention;

    /** The header's key, or null without one; anything but 1 to 128 visible ASCII characters is a 400. */
    public static String parse(String header) {
        if (header == null) {
            return null;
        }
        if (!SHAPE.matcher(header).matches()) {
            throw ApiProblem.invalidField(HEADER, "must be 1 to 128 visible ASCII characters");
        }
        return header;
    }

    /** A digest of the request as parsed, so two formattings of the same request count as the same request. */
    public String digest(Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(mapper.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot digest the request", e);
        }
    }

    /**
     * Claims {@code key} of {@code institution} for {@code operation} and the resource about to be created. Waits
     * for a concurrent request with the same key to finish, so exactly one of them creates.
     *
     * @return empty when this request claimed the key and should create {@code resourceId}; otherwise the id of the
     *     resource that the earlier request with this key and the same body created
     * @throws ApiProblem PLT-0015 when the key was used with another body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(
            String institution, String operation, String key, String requestHash, String resourceId) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            // Twice at most: a clean-up may remove the earlier claim between the insert and the read.
            for (int attempt = 0; attempt < 2; attempt++) {
                if (insert(connection, institution, operation, key, requestHash, resourceId)) {
                    return Optional.<String>empty();
                }
                Optional<String[]> earlier = read(connection, institution, operation, key);
                if (earlier.isPresent()) {
                    if (!earlier.get()[0].equals(requestHash)) {
                        throw new ApiProblem(
                                PlatformProblem.IDEMPOTENCY_KEY_REUSED,
                                "Idempotency-Key " + key + " was used before with a different request; use a new"
                                        + " key");
                    }
                    return Optional.of(earlier.get()[1]);
                }
            }
            throw new IllegalStateException("Idempotency-Key claim neither inserted nor found");
        });
    }

    /**
     * Claims {@code claims} in one statement on {@code connection}'s transaction (a concurrent claim of the same key
     * is waited for). Of two claims of one key, at most one is granted.
     *
     * @return the claims granted; the others found their key claimed before
     */
    public static Set<Claim> claimAll(Connection connection, List<Claim> claims) throws SQLException {
        Set<Claim> granted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(CLAIM_ALL)) {
            List<Function<Claim, String>> columns =
                    List.of(Claim::institution, Claim::operation, Claim::key, Claim::requestHash, Claim::resourceId);
            for (int i = 0; i < columns.size(); i++) {
                insert.setArray(
                        i + 1,
                        connection.createArrayOf(
                                "text", claims.stream().map(columns.get(i)).toArray()));
            }
            try (ResultSet inserted = insert.executeQuery()) {
                Set<List<String>> insertedKeys = new HashSet<>();
                while (inserted.next()) {
                    insertedKeys.add(List.of(
                            inserted.getString(1),
                            inserted.getString(2),
                            inserted.getString(3),
                            inserted.getString(4)));
                }
                for (Claim claim : claims) {
                    if (insertedKeys.contains(
                            List.of(claim.institution(), claim.operation(), claim.key(), claim.resourceId()))) {
                        granted.add(claim);
                    }
                }
            }
        }
        return granted;
    }

    @Scheduled(
            every = "${sanyi.idempotency.clean-up-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldKeys() {
        entityManager
                .createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(retention)))
                .executeUpdate();
    }

    private static boolean insert(
            Connection connection,
            String institution,
            String operation,
            String key,
            String requestHash,
            String resourceId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into idempotency_key"
                + " (institution_code, operation, idempotency_key, request_hash, resource_id, created_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, institution);
            insert.setString(2, operation);
            insert.setString(3, key);
            insert.setString(4, requestHash);
            insert.setString(5, resourceId);
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        }
    }

    private static Optional<String[]> read(Connection connection, String institution, String operation, String key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select request_hash, resource_id from"
                + " idempotency_key where institution_code = ? and operation = ? and idempotency_key = ?")) {
            select.setString(1, institution);
            select.setString(2, operation);
            select.setString(3, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new String[] {row.getString(1), row.getString(2)}) : Optional.empty();
            }
        }
    }
}
