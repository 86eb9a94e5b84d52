package org.sanyi.kernel;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A valid 18-character resident ID number (居民身份证号码, GB 11643-1999): region code (6 digits, GB/T 2260), birth
 * date ({@code yyyyMMdd}), sequence (3 digits, odd for men) and an ISO 7064 MOD 11-2 check character, 0-9 or X.
 *
 * <p>Instances exist only for numbers that pass every check; {@link #toString()} is masked.
 */
public final class ResidentIdNumber {

    public static final int LENGTH = 18;

    /** Birth dates are calendar dates in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** Weight of position i is 2^(17-i) mod 11 (ISO 7064 MOD 11-2 over 17 digits). */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses and checks {@code raw}, judging "in the future" by today's date in China. */
    public static ResidentIdNumber parse(String raw) {
        return parse(raw, Clock.system(CHINA));
    }

    /**
     * Parses and checks {@code raw}: surrounding white space is ignored and a lower-case {@code x} becomes {@code X}.
     *
     * @throws InvalidIdentifierException naming what is wrong, with the number masked
     */
    public static ResidentIdNumber parse(String raw, Clock clock) {
        if (raw == null || raw.isBlank()) {
            throw invalid("A resident ID number is required");
        }
        String value = raw.strip().toUpperCase(java.util.Locale.ROOT);
        String masked = Masking.mask(value);
        if (value.length() != LENGTH) {
            throw invalid("A resident ID number has 18 characters; " + masked + " has " + value.length());
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                throw invalid("The first 17 characters of a resident ID number are digits; " + masked
                        + " has another character at position " + (i + 1));
            }
        }
        char check = value.charAt(LENGTH - 1);
        if (!isAsciiDigit(check) && check != 'X') {
            throw invalid("The last character of a resident ID number is a digit or X; " + masked + " ends otherwise");
        }
        if (!ChinaRegions.isProvincePrefix(value.substring(0, 2))) {
            throw invalid("The region code of resident ID number " + masked
                    + " does not start with a province code of GB/T 2260");
        }
        LocalDate birthDate = birthDate(value, masked);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (birthDate.isAfter(today)) {
            throw invalid("The birth date in resident ID number " + masked + " lies in the future");
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            throw invalid("The birth date in resident ID number " + masked + " lies before 1900");
        }
        if (checkCharacter(value.substring(0, LENGTH - 1)) != check) {
            throw invalid("The check character of resident ID number " + masked
                    + " does not match its first 17 digits (ISO 7064 MOD 11-2); the number is mistyped");
        }
        return new ResidentIdNumber(value, birthDate);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits == null || first17Digits.length() != LENGTH - 1) {
            throw new IllegalArgumentException("Exactly 17 digits are needed");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char digit = first17Digits.charAt(i);
            if (!isAsciiDigit(digit)) {
                throw new IllegalArgumentException("Only digits 0-9 are allowed");
            }
            sum += (digit - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /** The normalised number: 17 digits and a check character, upper-case X. */
    public String value() {
        return value;
    }

    /** The 6-digit GB/T 2260 region code where the number was issued (not necessarily where the person lives). */
    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Identifier toIdentifier() {
        return new Identifier(PatientIdentifierSystem.RESIDENT_ID.uri(), value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ResidentIdNumber[" + Masking.mask(value) + "]";
    }

    private static LocalDate birthDate(String value, String masked) {
        int year = Integer.parseInt(value.substring(6, 10));
        int month = Integer.parseInt(value.substring(10, 12));
        int day = Integer.parseInt(value.substring(12, 14));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            // The exception's text would repeat the date, which is part of the number.
            throw invalid("The birth date in resident ID number " + masked + " is not a real calendar date");
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidIdentifierException invalid(String message) {
        return new InvalidIdentifierException(PatientIdentifierSystem.RESIDENT_ID.uri(), message);
    }
}
