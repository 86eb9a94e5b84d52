package org.sanyi.kernel;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character set {@code 0-9 A-H J-N P-R T-U W-Y} (no I, O,
 * Z, S, V); the last is a check character, 31 minus the weighted sum of the first 17 modulo 31 (weights 3^i mod 31).
 */
public final class UnifiedSocialCreditCode {

    public static final int LENGTH = 18;
    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {}

    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = CHARACTERS.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        return code.charAt(LENGTH - 1) == checkCharacter(sum);
    }

    /** The code made of {@code first17} and its check character. */
    public static String withCheckCharacter(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("needs 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < first17.length(); i++) {
            int value = CHARACTERS.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a credit-code character");
            }
            sum += value * WEIGHTS[i];
        }
        return first17 + checkCharacter(sum);
    }

    private static char checkCharacter(int weightedSum) {
        return CHARACTERS.charAt((31 - weightedSum % 31) % 31);
    }
}
