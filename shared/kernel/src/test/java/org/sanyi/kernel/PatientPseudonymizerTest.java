package org.sanyi.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PatientPseudonymizerTest {

    private static final byte[] KEY = sequentialBytes(32, 0);
    private static final byte[] OTHER_KEY = sequentialBytes(32, 1);

    private final String residentId = SyntheticResidentIds.endingInX("350902", LocalDate.of(1985, 5, 17));
    private final Identifier identifier = PatientIdentifierSystem.RESIDENT_ID.identifier(residentId);

    @Test
    void isHmacSha256OfSystemBarValueInLowerCaseBase32() throws Exception {
        String expected = "pp-" + independentBase32(hmac(KEY, "urn:sanyi:id:cn-resident-id|" + residentId));

        String pseudonym = new PatientPseudonymizer(KEY).pseudonymOf(identifier);

        assertThat(pseudonym).isEqualTo(expected).hasSize(55).matches("pp-[a-z2-7]{52}");
    }

    @Test
    void isStableAcrossInstancesAndSpellingsOfOneIdentifier() {
        PatientPseudonymizer one = new PatientPseudonymizer(KEY);
        PatientPseudonymizer other =
                PatientPseudonymizer.fromBase64(Base64.getEncoder().encodeToString(KEY));

        String lowerCaseX = " " + residentId.toLowerCase() + " ";

        assertThat(one.pseudonymOf(identifier))
                .isEqualTo(one.pseudonymOf(identifier))
                .isEqualTo(other.pseudonymOf(identifier))
                .isEqualTo(other.pseudonymOf(PatientIdentifierSystem.RESIDENT_ID.identifier(lowerCaseX)));
    }

    @Test
    void dependsOnTheKey() {
        assertThat(new PatientPseudonymizer(KEY).pseudonymOf(identifier))
                .isNotEqualTo(new PatientPseudonymizer(OTHER_KEY).pseudonymOf(identifier));
    }

    @Test
    void dependsOnTheSystemAndTheValue() {
        PatientPseudonymizer pseudonymizer = new PatientPseudonymizer(KEY);
        String anotherPerson = SyntheticResidentIds.valid("350902", LocalDate.of(1985, 5, 17), "000");
        String hex = "AB".repeat(32);

        assertThat(pseudonymizer.pseudonymOf(identifier))
                .isNotEqualTo(pseudonymizer.pseudonymOf(PatientIdentifierSystem.RESIDENT_ID.identifier(anotherPerson)));
        assertThat(pseudonymizer.pseudonymOf(PatientIdentifierSystem.E_HEALTH_CARD.identifier(hex)))
                .isNotEqualTo(pseudonymizer.pseudonymOf(
                        PatientIdentifierSystem.INSURANCE_PERSON_CODE.identifier("35" + "1".repeat(20))));
    }

    @Test
    void neverContainsTheIdentifier() {
        String pseudonym = new PatientPseudonymizer(KEY).pseudonymOf(identifier);

        assertThat(pseudonym).doesNotContain(residentId.substring(6, 14)).doesNotContainIgnoringCase(residentId);
    }

    @Test
    void refusesShortOrMissingKeys() {
        assertThatThrownBy(() -> new PatientPseudonymizer(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new PatientPseudonymizer(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PatientPseudonymizer.fromBase64(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not set");
        assertThatThrownBy(() -> PatientPseudonymizer.fromBase64("c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void aMalformedBase64KeyIsNotQuoted() {
        String notBase64 = "secret-key-material-%%%";

        assertThatThrownBy(() -> PatientPseudonymizer.fromBase64(notBase64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The pseudonym key is not valid base64");
    }

    @Test
    void copiesTheKeySoLaterChangesToTheArrayDoNotMatter() {
        byte[] key = sequentialBytes(32, 0);
        PatientPseudonymizer pseudonymizer = new PatientPseudonymizer(key);
        String before = pseudonymizer.pseudonymOf(identifier);

        key[0] = 99;

        assertThat(pseudonymizer.pseudonymOf(identifier)).isEqualTo(before);
        assertThat(pseudonymizer.toString()).doesNotContain(Base64.getEncoder().encodeToString(KEY));
    }

    @Test
    void refusesInvalidIdentifiers() {
        assertThatThrownBy(() -> new PatientPseudonymizer(KEY)
                        .pseudonymOf(PatientIdentifierSystem.RESIDENT_ID.identifier("12345")))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void base32MatchesTheRfc4648TestVectors() {
        // RFC 4648 section 10, lower case and without padding.
        assertThat(PatientPseudonymizer.base32("f".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("my");
        assertThat(PatientPseudonymizer.base32("fo".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("mzxq");
        assertThat(PatientPseudonymizer.base32("foo".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("mzxw6");
        assertThat(PatientPseudonymizer.base32("foob".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("mzxw6yq");
        assertThat(PatientPseudonymizer.base32("fooba".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("mzxw6ytb");
        assertThat(PatientPseudonymizer.base32("foobar".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("mzxw6ytboi");
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /** Base32 by arithmetic on one big number, unlike the production bit buffer. */
    private static String independentBase32(byte[] bytes) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        int totalBits = bytes.length * 8;
        int characters = (totalBits + 4) / 5;
        BigInteger number = new BigInteger(1, bytes).shiftLeft(characters * 5 - totalBits);
        StringBuilder out = new StringBuilder();
        for (int i = characters - 1; i >= 0; i--) {
            out.append(alphabet.charAt(number.shiftRight(i * 5).intValue() & 0x1f));
        }
        return out.toString();
    }

    private static byte[] sequentialBytes(int length, int start) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }
}
