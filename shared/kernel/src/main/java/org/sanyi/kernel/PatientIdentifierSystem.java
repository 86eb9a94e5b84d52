package org.sanyi.kernel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The identifier systems a patient may be known by across the exchange (BR-F2, 一码就医). The URIs are stable: they
 * are part of every pseudonym, so changing one would split every patient in two.
 */
public enum PatientIdentifierSystem {
    /**
     * 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence, check character 0-9 or
     * X (ISO 7064 MOD 11-2).
     */
    RESIDENT_ID("urn:sanyi:id:cn-resident-id"),

    /**
     * 电子健康卡 ID: the card's stable identifier issued by the provincial e-health-card platform, 64 hexadecimal
     * characters (256 bits, the length of an SM3 digest); upper case is canonical. The rotating QR-code content is
     * not an identifier and is refused.
     */
    E_HEALTH_CARD("urn:sanyi:id:cn-e-health-card"),

    /**
     * 医保个人编码 (人员编号 of the national healthcare-security information platform): digits only, starting with the
     * 2-digit GB/T 2260 province code of the issuing pooling region, 12 to 30 digits in all (30 is the width of the
     * field in the platform's interfaces).
     */
    INSURANCE_PERSON_CODE("urn:sanyi:id:cn-insurance-person-code"),

    /** A passport: {@code <ISO 3166-1 alpha-3 issuing country>:<5 to 20 letters or digits>}, upper case. */
    PASSPORT("urn:sanyi:id:passport");

    private final String uri;

    PatientIdentifierSystem(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static Optional<PatientIdentifierSystem> fromUri(String uri) {
        return Arrays.stream(values()).filter(s -> s.uri.equals(uri)).findFirst();
    }

    /** An identifier of this system with {@code value} as given (not yet normalised). */
    public Identifier identifier(String value) {
        return new Identifier(uri, value);
    }
}
