package org.sanyi.testing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.kernel.ResidentIdNumber;

/**
 * Synthetic patient identifiers that pass the exchange's checks, different on every call in a JVM, so tests never
 * share a patient by accident. Resident IDs use sequence codes 900-998 of people born in 1930-1969, which no real
 * person holds with these region codes in tests.
 */
public final class TestPatients {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private TestPatients() {}

    /** A valid 18-character resident ID of 霞浦县 (350921). */
    public static Identifier residentId() {
        int n = NEXT.incrementAndGet();
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(n % 14_600);
        String first17 = "350921" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + (900 + n % 99);
        return PatientIdentifierSystem.RESIDENT_ID.identifier(first17 + ResidentIdNumber.checkCharacter(first17));
    }

    /** A 64-hex e-health card id. */
    public static Identifier eHealthCard() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return PatientIdentifierSystem.E_HEALTH_CARD.identifier(
                HexFormat.of().withUpperCase().formatHex(bytes));
    }

    /** A 医保个人编码 of Fujian (35…), 20 digits. */
    public static Identifier insurancePersonCode() {
        long n = Math.floorMod(System.nanoTime() ^ NEXT.incrementAndGet() * 7919L, 1_000_000_000_000_000L);
        return PatientIdentifierSystem.INSURANCE_PERSON_CODE.identifier(String.format("35%018d", n));
    }
}
