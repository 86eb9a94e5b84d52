package org.sanyi.testing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Objects;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signed RS256 tokens for tests, verifiable with the public key that {@link SanyiTestInfrastructure} gives the
 * application. Any role string is accepted so that tests can also probe unknown roles.
 */
public final class TestTokens {

    public static final String ISSUER = "sanyi-exchange";
    public static final String DEFAULT_SUBJECT = "test-user";
    public static final String INSTITUTION_CLAIM = "org";

    public static final String HOSPITAL = "hospital";
    public static final String INSURER = "insurer";
    public static final String REGULATOR = "regulator";
    public static final String PLATFORM_ADMIN = "platform-admin";

    private static final int LIFETIME_MINUTES = 60;

    private TestTokens() {}

    /** A token for {@value #DEFAULT_SUBJECT} of the given institution, with one role. */
    public static String mint(String institutionCode, String role) {
        return mint(institutionCode, role, DEFAULT_SUBJECT);
    }

    public static String mint(String institutionCode, String role, String subject) {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim(INSTITUTION_CLAIM, institutionCode);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(LIFETIME_MINUTES);
        claims.setGeneratedJwtId();

        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(privateKey());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    private static PrivateKey privateKey() {
        byte[] pkcs8 = (byte[]) JvmWideAccess.invoke("jwtPrivateKeyPkcs8");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The test private key is not a valid RSA key", e);
        }
    }
}
