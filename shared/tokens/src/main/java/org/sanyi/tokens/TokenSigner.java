package org.sanyi.tokens;

import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs RS256 tokens with the claims of a {@link TokenRequest}. */
public final class TokenSigner {

    private final PrivateKey signingKey;

    public TokenSigner(PrivateKey signingKey) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
    }

    /**
     * Signs a token the services accept.
     *
     * @throws IllegalArgumentException naming every {@linkplain TokenContract#violations violation} of the contract
     */
    public String signValid(TokenRequest request) {
        List<String> violations = TokenContract.violations(request);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(
                    "The services would refuse this token: " + String.join("; ", violations));
        }
        return sign(request);
    }

    /** Signs exactly what it is given, also claims the services refuse, so that tests can probe the refusals. */
    public String sign(TokenRequest request) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TokenContract.ISSUER);
        claims.setSubject(request.subject());
        claims.setAudience(request.audiences());
        claims.setClaim(TokenContract.INSTITUTION_CLAIM, request.institutionCode());
        claims.setStringListClaim(TokenContract.GROUPS_CLAIM, List.of(request.role()));
        NumericDate issuedAt = NumericDate.now();
        claims.setIssuedAt(issuedAt);
        claims.setExpirationTime(
                NumericDate.fromSeconds(issuedAt.getValue() + request.lifetime().toSeconds()));
        claims.setGeneratedJwtId();

        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(signingKey);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign the token", e);
        }
    }
}
