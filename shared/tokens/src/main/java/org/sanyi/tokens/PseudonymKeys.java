package org.sanyi.tokens;

import java.security.SecureRandom;
import java.util.Base64;

/** The key of the patient pseudonyms ({@code SANYI_PSEUDONYM_KEY}): base64 of {@value #KEY_BYTES} random bytes. */
public final class PseudonymKeys {

    public static final int KEY_BYTES = 32;

    private PseudonymKeys() {}

    public static String generateBase64() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Whether the text (surrounding white space aside) is base64 of exactly {@value #KEY_BYTES} bytes. */
    public static boolean isValidBase64(String base64) {
        if (base64 == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(base64.strip()).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
