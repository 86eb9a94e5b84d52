package org.sanyi.kernel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a patient identifier into a pseudonym: {@code "pp-"} followed by the unpadded lower-case base32 (RFC 4648)
 * of HMAC-SHA256(key, system + "|" + normalised value), 55 characters in all. Services that share the key give one
 * identifier one pseudonym, so events can be joined per patient without carrying the number; without the key the
 * pseudonym cannot be reversed or recomputed from a guessed number.
 *
 * <p>Base32 rather than hex keeps all 256 bits under 60 characters. Note that two identifiers of one person (ID
 * number and e-health card) give two pseudonyms: linking them is the identity service's job, not this one's.
 */
public final class PatientPseudonymizer {

    public static final String PREFIX = "pp-";
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecretKeySpec key;

    /** A Mac is not thread-safe, and making one (provider look-up, key schedule) cost more than the hashing itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public PatientPseudonymizer(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The pseudonym key needs at least " + MIN_KEY_BYTES + " bytes; got "
                    + (key == null ? 0 : key.length));
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
        // Fail at construction, not at the first patient, if the JDK lacks the algorithm.
        newMac();
    }

    /** From a base64 (standard alphabet) key, as configuration carries it. */
    public static PatientPseudonymizer fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("The pseudonym key is not set");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message could quote part of the key.
            throw new IllegalArgumentException("The pseudonym key is not valid base64");
        }
        try {
            return new PatientPseudonymizer(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The pseudonym of {@code identifier}, which is normalised first.
     *
     * @throws InvalidIdentifierException when the identifier is not a valid patient identifier
     */
    public String pseudonymOf(Identifier identifier) {
        Identifier normalised = PatientIdentifiers.normalise(identifier);
        byte[] message = (normalised.system() + "|" + normalised.value()).getBytes(StandardCharsets.UTF_8);
        return PREFIX + base32(macs.get().doFinal(message));
    }

    @Override
    public String toString() {
        return "PatientPseudonymizer[key hidden]";
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bitsInBuffer = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bitsInBuffer += 8;
            while (bitsInBuffer >= 5) {
                out.append(BASE32_ALPHABET[(buffer >>> (bitsInBuffer - 5)) & 0x1f]);
                bitsInBuffer -= 5;
            }
        }
        if (bitsInBuffer > 0) {
            out.append(BASE32_ALPHABET[(buffer << (5 - bitsInBuffer)) & 0x1f]);
        }
        return out.toString();
    }
}
