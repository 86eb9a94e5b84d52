package org.sanyi.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The JWT parser Quarkus' bearer authentication uses, remembering tokens it has verified until they expire. A
 * hospital system sends the same token with every call of a shift; verifying its RSA signature and parsing its JSON
 * again each time was the largest single cost of a create. A token is looked up by its exact text, so a token
 * differing in any character (another signature, another claim) is verified afresh; a remembered one is served only
 * before its {@code exp}. The exchange does not revoke tokens before they expire (they live 8 hours at most), so
 * remembering them changes no decision the verifier would take.
 *
 * <p>Bounded: when {@code sanyi.security.verified-token-cache-size} tokens are remembered, expired ones are dropped,
 * and if none were, all are (the next calls verify again); a flood of distinct valid tokens costs only verification.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private record Verified(JsonWebToken token, Instant expiresAt) {}

    private final ConcurrentHashMap<String, Verified> byRawToken = new ConcurrentHashMap<>();
    private final JWTParser verifier;
    private final int capacity;
    private final Clock clock;

    @Inject
    public VerifiedTokens(
            DefaultJWTParser verifier,
            @ConfigProperty(name = "sanyi.security.verified-token-cache-size", defaultValue = "10000") int capacity) {
        this(verifier, capacity, Clock.systemUTC());
    }

    VerifiedTokens(JWTParser verifier, int capacity, Clock clock) {
        this.verifier = verifier;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = clock.instant();
        Verified known = byRawToken.get(token);
        if (known != null && now.isBefore(known.expiresAt())) {
            return known.token();
        }
        JsonWebToken verified = verifier.parse(token);
        remember(token, verified, now);
        return verified;
    }

    /** Remembered tokens, for the tests. */
    int size() {
        return byRawToken.size();
    }

    private void remember(String raw, JsonWebToken verified, Instant now) {
        if (capacity <= 0 || verified.getExpirationTime() <= 0) {
            return;
        }
        if (byRawToken.size() >= capacity) {
            byRawToken.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (byRawToken.size() >= capacity) {
                byRawToken.clear();
            }
        }
        byRawToken.put(raw, new Verified(verified, Instant.ofEpochSecond(verified.getExpirationTime())));
    }

    // Everything else is passed through unremembered: the platform only verifies bearer tokens with parse(String).

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
