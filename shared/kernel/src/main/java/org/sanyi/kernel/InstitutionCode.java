package org.sanyi.kernel;

import java.util.regex.Pattern;

/**
 * The directory code of an institution (hospital, clinic, pharmacy, insurer, regulator): upper-case letters, digits
 * and hyphens, 2 to 32 characters, starting with a letter or digit. It is the {@code org} claim of a caller's token
 * and the key of the institution on the directory topic.
 */
public record InstitutionCode(String value) {

    /** The syntax every institution code follows. */
    public static final String PATTERN = "^[A-Z0-9][A-Z0-9-]{1,31}$";

    /** Codes of the exchange's own system actors (the expiry job, the sealer); no institution's token may carry one. */
    public static final String SYSTEM_ACTOR_PREFIX = "SANYI-";

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);

    public InstitutionCode {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("An institution code has 2 to 32 characters A-Z, 0-9 or '-' and does"
                    + " not start with '-'; got " + quoted(value));
        }
    }

    public static InstitutionCode of(String value) {
        return new InstitutionCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && SYNTAX.matcher(value).matches();
    }

    public static boolean isSystemActor(String value) {
        return value != null && value.startsWith(SYSTEM_ACTOR_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Bounded, so a megabyte of garbage does not end up in a message. */
    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 40 ? "'" + value + "'" : "'" + value.substring(0, 40) + "…'";
    }
}
