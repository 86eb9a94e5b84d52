package org.sanyi.kernel;

/**
 * Masks identifier values for messages and logs. Only the first three and last two characters of values of eight
 * or more characters stay readable, enough to tell two values apart while reading a log, too few to recover a
 * resident ID number (its birth date and sequence are always hidden).
 */
public final class Masking {

    private static final int MIN_LENGTH_TO_SHOW_ENDS = 8;
    private static final int SHOWN_PREFIX = 3;
    private static final int SHOWN_SUFFIX = 2;

    private Masking() {}

    public static String mask(String value) {
        if (value == null) {
            return "null";
        }
        int length = value.length();
        if (length < MIN_LENGTH_TO_SHOW_ENDS) {
            return "*".repeat(length);
        }
        return value.substring(0, SHOWN_PREFIX)
                + "*".repeat(length - SHOWN_PREFIX - SHOWN_SUFFIX)
                + value.substring(length - SHOWN_SUFFIX);
    }
}
