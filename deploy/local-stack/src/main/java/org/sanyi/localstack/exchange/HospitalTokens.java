package org.sanyi.localstack.exchange;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sanyi.localstack.TokenMinter;

/**
 * Bearer tokens of role {@code hospital}, one per institution, signed in-process with the stack's key (as
 * {@code ./sanyi token} does) and reused: a load generator must not measure its own RSA signing.
 */
public final class HospitalTokens {

    private static final Duration LIFETIME = Duration.ofHours(2);

    private final TokenMinter minter;
    private final String subject;
    private final Map<String, String> byInstitution = new ConcurrentHashMap<>();

    public HospitalTokens(TokenMinter minter, String subject) {
        this.minter = minter;
        this.subject = subject;
    }

    public String bearerFor(String institutionCode) {
        return "Bearer "
                + byInstitution.computeIfAbsent(
                        institutionCode, code -> minter.mint(code, "hospital", subject, LIFETIME));
    }
}
