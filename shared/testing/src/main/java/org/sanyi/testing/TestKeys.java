package org.sanyi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Key material generated at run time for one test JVM: nothing secret is ever stored in the repository. */
final class TestKeys {

    private static final int PSEUDONYM_KEY_BYTES = 32;

    private final KeyPair jwtKeyPair;
    private final Path publicKeyPem;
    private final Path privateKeyPem;
    private final String pseudonymKeyBase64;

    private TestKeys(KeyPair jwtKeyPair, Path publicKeyPem, Path privateKeyPem, String pseudonymKeyBase64) {
        this.jwtKeyPair = jwtKeyPair;
        this.publicKeyPem = publicKeyPem;
        this.privateKeyPem = privateKeyPem;
        this.pseudonymKeyBase64 = pseudonymKeyBase64;
    }

    static TestKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keyPair = generator.generateKeyPair();

            Path directory = Files.createTempDirectory("sanyi-test-keys-");
            Path publicPem = directory.resolve("jwt-public.pem");
            Path privatePem = directory.resolve("jwt-private.pem");
            Files.writeString(
                    publicPem, pem("PUBLIC KEY", keyPair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(
                    privatePem, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            directory.toFile().deleteOnExit();
            publicPem.toFile().deleteOnExit();
            privatePem.toFile().deleteOnExit();

            byte[] pseudonymKey = new byte[PSEUDONYM_KEY_BYTES];
            new SecureRandom().nextBytes(pseudonymKey);
            return new TestKeys(
                    keyPair, publicPem, privatePem, Base64.getEncoder().encodeToString(pseudonymKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available in this JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the test key files", e);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    KeyPair jwtKeyPair() {
        return jwtKeyPair;
    }

    Path publicKeyPem() {
        return publicKeyPem;
    }

    Path privateKeyPem() {
        return privateKeyPem;
    }

    String pseudonymKeyBase64() {
        return pseudonymKeyBase64;
    }
}
