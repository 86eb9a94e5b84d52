package org.sanyi.kernel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Builds synthetic resident ID numbers for tests. The check character is computed here from the definition of ISO
 * 7064 MOD 11-2 (weights 2^(17-i) mod 11), independently of the production table, so a wrong table would show.
 */
final class SyntheticResidentIds {

    private SyntheticResidentIds() {}

    static String valid(String regionCode, LocalDate birthDate, String sequence) {
        String first17 = regionCode + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence;
        return first17 + checkCharacter(first17);
    }

    static String first17(String regionCode, String yyyymmdd, String sequence) {
        return regionCode + yyyymmdd + sequence;
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11;
            sum += (first17.charAt(i) - '0') * weight;
        }
        // The check character c satisfies (sum + c) mod 11 == 1, with X standing for 10.
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** A valid number whose check character is X, found by varying the sequence. */
    static String endingInX(String regionCode, LocalDate birthDate) {
        for (int sequence = 0; sequence < 1000; sequence++) {
            String candidate = valid(regionCode, birthDate, String.format("%03d", sequence));
            if (candidate.endsWith("X")) {
                return candidate;
            }
        }
        throw new IllegalStateException("no sequence gives X");
    }

    /** The same first 17 digits with every check character except the right one. */
    static String withWrongCheck(String valid) {
        char right = valid.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }
}
