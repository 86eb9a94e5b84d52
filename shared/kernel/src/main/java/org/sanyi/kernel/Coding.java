package org.sanyi.kernel;

/**
 * A code from a code system, as in FHIR's Coding: {@code system} names the code system (for example {@code
 * http://loinc.org}), {@code code} is the code and {@code display} an optional human-readable text.
 */
public record Coding(String system, String code, String display) {

    public Coding {
        system = Texts.requireNonBlank(system, "system");
        code = Texts.requireNonBlank(code, "code");
        display = display == null || display.isBlank() ? null : display.strip();
    }

    public static Coding of(String system, String code) {
        return new Coding(system, code, null);
    }
}
