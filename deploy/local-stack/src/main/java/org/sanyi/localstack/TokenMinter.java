package org.sanyi.localstack;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs RS256 tokens with the claims the services expect: iss, sub, org (institution code) and groups (role). */
public final class TokenMinter {

    public static final String ISSUER = "sanyi-exchange";
    public static final String INSTITUTION_CLAIM = "org";
    public static final List<String> ROLES = List.of("hospital", "insurer", "regulator", "platform-admin");

    private final PrivateKey signingKey;

    public TokenMinter(PrivateKey signingKey) {
        this.signingKey = Objects.requireNonNull(signingKey);
    }

    public static boolean isKnownRole(String role) {
        return ROLES.contains(role);
    }

    public String mint(String institutionCode, String role, String subject, Duration lifetime) {
        if (!isKnownRole(role)) {
            throw new IllegalArgumentException("unknown role " + role);
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim(INSTITUTION_CLAIM, institutionCode);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(lifetime.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setGeneratedJwtId();

        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(signingKey);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
    }
}
