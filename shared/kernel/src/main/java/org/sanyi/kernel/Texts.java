package org.sanyi.kernel;

/** Argument checks shared by the value types of this package. */
final class Texts {

    private Texts() {}

    /** The value without surrounding white space; an exception naming {@code what} when it is null or blank. */
    static String requireNonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }
}
