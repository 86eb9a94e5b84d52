package org.sanyi.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import org.sanyi.tokens.PseudonymKeys;
import org.sanyi.tokens.SigningKeys;

/**
 * The local stack's keys in {@code .sanyi/keys}: an RSA-2048 pair that signs and verifies tokens, and a 32-byte
 * pseudonym key. Generated on first use on this machine (by {@link SigningKeys} and {@link PseudonymKeys}, the same
 * code the tests use); never part of the repository. The folder is kept {@code rwx------} and the secret files
 * {@code rw-------}, also when they already existed with looser permissions ({@link #notes()} says so).
 */
public final class KeyMaterial {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    public static final String PSEUDONYM_KEY_FILE = "pseudonym.key";

    private final PrivateKey privateKey;
    private final Path publicKeyFile;
    private final String pseudonymKeyBase64;
    private final boolean generated;
    private final List<String> notes;

    private KeyMaterial(
            PrivateKey privateKey,
            Path publicKeyFile,
            String pseudonymKeyBase64,
            boolean generated,
            List<String> notes) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
        this.pseudonymKeyBase64 = pseudonymKeyBase64;
        this.generated = generated;
        this.notes = List.copyOf(notes);
    }

    /**
     * Loads the keys from {@code directory}, generating whatever is missing. Safe against a concurrent invocation:
     * whichever writes a key first wins, and both then use that key.
     */
    public static KeyMaterial ensure(Path directory) throws IOException, GeneralSecurityException {
        List<String> notes = new ArrayList<>();
        PrivateFiles.unprotectedNote(directory).ifPresent(notes::add);
        PrivateFiles.ensureDirectory(directory).ifPresent(notes::add);
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        Path pseudonymFile = directory.resolve(PSEUDONYM_KEY_FILE);
        boolean generated = false;

        if (!Files.exists(privateFile)) {
            KeyPair pair = SigningKeys.generate();
            generated |= PrivateFiles.writeIfAbsent(privateFile, SigningKeys.privateKeyPem(pair.getPrivate()));
        }
        PrivateFiles.tightenFile(privateFile).ifPresent(notes::add);
        PrivateKey privateKey = SigningKeys.readPrivateKeyPem(read(privateFile));
        if (!Files.exists(publicFile)) {
            // Derived from the key file as it is now, so a lost race above cannot leave a pair that does not match.
            generated |= PrivateFiles.writeIfAbsent(
                    publicFile, SigningKeys.publicKeyPem(SigningKeys.publicKeyOf(privateKey)));
        }

        if (!Files.exists(pseudonymFile)) {
            generated |= PrivateFiles.writeIfAbsent(pseudonymFile, PseudonymKeys.generateBase64() + "\n");
        }
        PrivateFiles.tightenFile(pseudonymFile).ifPresent(notes::add);
        String pseudonymKey = read(pseudonymFile).strip();
        if (!PseudonymKeys.isValidBase64(pseudonymKey)) {
            throw new GeneralSecurityException(pseudonymFile + " must hold base64 of " + PseudonymKeys.KEY_BYTES
                    + " bytes; delete it to generate a new one");
        }
        return new KeyMaterial(privateKey, publicFile.toAbsolutePath(), pseudonymKey, generated, notes);
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

    /** Permissions found too loose (and tightened), or that cannot be restricted here; for the user to read. */
    public List<String> notes() {
        return notes;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}
