package org.sanyi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A verified token is served from memory until its exp, and only for exactly the same text. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    /** A verifier that accepts tokens named "valid-…" expiring at the second given after the dash, and counts calls. */
    private static final class CountingVerifier extends DefaultJWTParser {
        final List<String> verified = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            String expiry = token.startsWith("valid-") ? token.substring("valid-".length()) : "";
            if (!expiry.matches("[0-9]+")) {
                throw new ParseException("bad signature");
            }
            return new Claims(Long.parseLong(expiry));
        }
    }

    private record Claims(long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "dr-lin";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @SuppressWarnings("unchecked")
        @Override
        public <T> T getClaim(String name) {
            return "exp".equals(name) ? (T) Long.valueOf(exp) : (T) Map.of().get(name);
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();

    private VerifiedTokens at(Instant now, int capacity) {
        return new VerifiedTokens(verifier, capacity, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenIsVerifiedOnce() throws Exception {
        String token = "valid-" + NOW.plusSeconds(60).getEpochSecond();
        VerifiedTokens tokens = at(NOW, 10);
        JsonWebToken first = tokens.parse(token);
        assertThat(tokens.parse(token)).isSameAs(first);
        assertThat(verifier.verified).hasSize(1);
    }

    @Test
    void anExpiredRememberedTokenIsVerifiedAgain() throws Exception {
        String token = "valid-" + NOW.plusSeconds(5).getEpochSecond();
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(verifier, 10, clock);
        tokens.parse(token);
        clock.now = NOW.plusSeconds(5);
        tokens.parse(token);
        assertThat(verifier.verified).hasSize(2);
    }

    @Test
    void anyOtherTextIsVerifiedAfresh() throws Exception {
        String token = "valid-" + NOW.plusSeconds(60).getEpochSecond();
        VerifiedTokens tokens = at(NOW, 10);
        tokens.parse(token);
        assertThatThrownBy(() -> tokens.parse(token + "x")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(token + "x")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly(token, token + "x", token + "x");
    }

    @Test
    void theMemoryIsBounded() throws Exception {
        VerifiedTokens tokens = at(NOW, 3);
        for (int i = 0; i < 10; i++) {
            tokens.parse("valid-" + (NOW.getEpochSecond() + 60 + i));
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
