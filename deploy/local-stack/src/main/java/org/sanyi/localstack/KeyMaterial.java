package org.sanyi.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The local stack's keys in {@code .sanyi/keys}: an RSA-2048 pair that signs and verifies tokens, and a 32-byte
 * pseudonym key. Generated on first use on this machine; never part of the repository.
 */
public final class KeyMaterial {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    public static final String PSEUDONYM_KEY_FILE = "pseudonym.key";

    private static final int RSA_BITS = 2048;
    private static final int PSEUDONYM_KEY_BYTES = 32;

    private final PrivateKey privateKey;
    private final Path publicKeyFile;
    private final String pseudonymKeyBase64;
    private final boolean generated;

    private KeyMaterial(PrivateKey privateKey, Path publicKeyFile, String pseudonymKeyBase64, boolean generated) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
        this.pseudonymKeyBase64 = pseudonymKeyBase64;
        this.generated = generated;
    }

    /** Loads the keys from {@code directory}, generating whatever is missing. */
    public static KeyMaterial ensure(Path directory) throws IOException, GeneralSecurityException {
        createPrivateDirectory(directory);
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        Path pseudonymFile = directory.resolve(PSEUDONYM_KEY_FILE);
        boolean generated = false;

        PrivateKey privateKey;
        if (Files.exists(privateFile)) {
            privateKey = readPrivateKey(privateFile);
            if (!Files.exists(publicFile)) {
                writePublic(publicFile, publicKeyOf(privateKey));
                generated = true;
            }
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            writeSecret(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            writePublic(publicFile, pair.getPublic());
            privateKey = pair.getPrivate();
            generated = true;
        }

        if (!Files.exists(pseudonymFile)) {
            byte[] key = new byte[PSEUDONYM_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            writeSecret(pseudonymFile, Base64.getEncoder().encodeToString(key) + "\n");
            generated = true;
        }
        String pseudonymKey =
                Files.readString(pseudonymFile, StandardCharsets.US_ASCII).strip();
        if (Base64.getDecoder().decode(pseudonymKey).length != PSEUDONYM_KEY_BYTES) {
            throw new GeneralSecurityException(pseudonymFile + " must hold base64 of " + PSEUDONYM_KEY_BYTES
                    + " bytes; delete it to generate a new one");
        }
        return new KeyMaterial(privateKey, publicFile.toAbsolutePath(), pseudonymKey, generated);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public String pseudonymKeyBase64() {
        return pseudonymKeyBase64;
    }

    /** Whether this call created any key file. */
    public boolean generated() {
        return generated;
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static byte[] pemBody(String pem, String type) throws GeneralSecurityException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException("not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        byte[] der = pemBody(Files.readString(file, StandardCharsets.US_ASCII), "PRIVATE KEY");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("the private key carries no public exponent");
        }
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private static void writePublic(Path file, PublicKey publicKey) throws IOException {
        Files.writeString(file, pem("PUBLIC KEY", publicKey.getEncoded()), StandardCharsets.US_ASCII);
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (isPosix()) {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file);
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        if (isPosix()) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
