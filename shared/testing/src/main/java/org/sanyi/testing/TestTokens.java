package org.sanyi.testing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.sanyi.tokens.SigningKeys;
import org.sanyi.tokens.TokenContract;
import org.sanyi.tokens.TokenRequest;
import org.sanyi.tokens.TokenSigner;

/**
 * Signed RS256 tokens for tests, verifiable with the public key that {@link SanyiTestInfrastructure} gives the
 * application. Any role string is accepted so that tests can also probe unknown roles.
 */
public final class TestTokens {

    public static final String ISSUER = TokenContract.ISSUER;
    public static final String DEFAULT_SUBJECT = "test-user";
    public static final String INSTITUTION_CLAIM = TokenContract.INSTITUTION_CLAIM;

    public static final String HOSPITAL = TokenContract.HOSPITAL;
    public static final String INSURER = TokenContract.INSURER;
    public static final String REGULATOR = TokenContract.REGULATOR;
    public static final String PLATFORM_ADMIN = TokenContract.PLATFORM_ADMIN;

    private TestTokens() {}

    /** A token for {@value #DEFAULT_SUBJECT} of the given institution, with one role. */
    public static String mint(String institutionCode, String role) {
        return mint(institutionCode, role, DEFAULT_SUBJECT);
    }

    public static String mint(String institutionCode, String role, String subject) {
        return mint(institutionCode, role, subject, List.of(applicationName()));
    }

    /** A token for the named services (claim {@code aud}); each service accepts only tokens naming it. */
    public static String mint(String institutionCode, String role, String subject, List<String> audiences) {
        return mint(TokenRequest.of(institutionCode, role, subject, audiences));
    }

    /**
     * Signs exactly the request, also claims the services refuse (unknown roles, long lifetimes), so that tests can
     * probe the refusals.
     */
    public static String mint(TokenRequest request) {
        return new TokenSigner(privateKey()).sign(request);
    }

    /**
     * Signs arbitrary claims with the test key, for probing how a service treats claims the token contract forbids
     * (two roles, a number where a string belongs).
     */
    public static String signClaims(JwtClaims claims) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(privateKey());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign the test claims", e);
        }
    }

    /** The service under test: tests run inside its JVM, so its configuration names it. */
    public static String applicationName() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class)
                .orElse("sanyi-test");
    }

    private static PrivateKey privateKey() {
        byte[] pkcs8 = (byte[]) JvmWideAccess.invoke("jwtPrivateKeyPkcs8");
        try {
            return SigningKeys.privateKeyFromPkcs8(pkcs8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The test private key is not a valid RSA key", e);
        }
    }
}
