package org.sanyi.tokens;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The claims of one token to sign; {@link TokenContract#violations} says whether the services would accept it.
 *
 * @param institutionCode claim {@code org}
 * @param role the single entry of claim {@code groups}
 * @param subject claim {@code sub}, the user
 * @param audiences claim {@code aud}, the services the token is for
 * @param lifetime from {@code iat} to {@code exp}
 */
public record TokenRequest(
        String institutionCode, String role, String subject, List<String> audiences, Duration lifetime) {

    public TokenRequest {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        audiences = List.copyOf(audiences);
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /** A request with the {@linkplain TokenContract#DEFAULT_LIFETIME default lifetime}. */
    public static TokenRequest of(String institutionCode, String role, String subject, List<String> audiences) {
        return new TokenRequest(institutionCode, role, subject, audiences, TokenContract.DEFAULT_LIFETIME);
    }

    public TokenRequest withLifetime(Duration newLifetime) {
        return new TokenRequest(institutionCode, role, subject, audiences, newLifetime);
    }

    public TokenRequest withSubject(String newSubject) {
        return new TokenRequest(institutionCode, role, newSubject, audiences, lifetime);
    }
}
