package org.sanyi.localstack.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999) for synthetic patients: region code, birth date, sequence code and
 * the ISO 7064 MOD 11-2 check character, so the services accept them like real numbers.
 *
 * <p>The sequence codes 996 to 999 are reserved for centenarians (百岁老人); paired with a birth date that makes the
 * holder younger than 100, such a number is never issued, so a synthetic patient cannot be a real person.
 */
public final class SyntheticResidentIds {

    public static final int FIRST_RESERVED_SEQUENCE = 996;
    public static final int RESERVED_SEQUENCES = 4;

    /** Weight of position i is 2^(17-i) mod 11. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private SyntheticResidentIds() {}

    /**
     * The number of a synthetic resident.
     *
     * @param regionCode 6-digit GB/T 2260 code, e.g. the county of the sending clinic
     * @param birthDate after 1900 and not in the future
     * @param reservedSequence 0 to 3: sequence code 996 + n (odd: male, even: female)
     */
    public static String of(String regionCode, LocalDate birthDate, int reservedSequence) {
        if (regionCode == null || !regionCode.matches("[1-9][0-9]{5}")) {
            throw new IllegalArgumentException("region code must be 6 digits");
        }
        if (reservedSequence < 0 || reservedSequence >= RESERVED_SEQUENCES) {
            throw new IllegalArgumentException("reserved sequence must be 0 to " + (RESERVED_SEQUENCES - 1));
        }
        if (birthDate.getYear() < 1900 || birthDate.getYear() > 9999) {
            throw new IllegalArgumentException("birth date out of range");
        }
        String first17 = regionCode + BIRTH_DATE.format(birthDate) + (FIRST_RESERVED_SEQUENCE + reservedSequence);
        return first17 + checkCharacter(first17);
    }

    /** The ISO 7064 MOD 11-2 check character of 17 digits. */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits == null || !first17Digits.matches("[0-9]{17}")) {
            throw new IllegalArgumentException("exactly 17 digits are needed");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /** Whether the last character of an 18-character number is the right check character. */
    public static boolean hasValidCheckCharacter(String number) {
        return number != null
                && number.length() == 18
                && number.substring(0, 17).matches("[0-9]{17}")
                && checkCharacter(number.substring(0, 17)) == Character.toUpperCase(number.charAt(17));
    }
}
