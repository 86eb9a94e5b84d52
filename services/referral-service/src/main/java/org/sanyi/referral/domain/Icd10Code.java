package org.sanyi.referral.domain;

import java.util.regex.Pattern;

/**
 * A diagnosis code of ICD-10 as used in China: a WHO category ({@code I10}, {@code E11.9}) or a code of the national
 * clinical edition (国家临床版, e.g. {@code I10.x00x002}). Only the shape is checked; the catalogue itself is not
 * shipped. The canonical form has an upper-case chapter letter and a lower-case extension {@code x}.
 */
public record Icd10Code(String value) {

    /** The shape, for Bean Validation and the OpenAPI document; accepts either case, normalised by {@link #parse}. */
    public static final String SHAPE = "^[A-Za-z][0-9]{2}(\\.[0-9xX]{1,4}([xX][0-9]{3})?)?$";

    private static final Pattern CANONICAL = Pattern.compile("^[A-Z][0-9]{2}(\\.[0-9x]{1,4}(x[0-9]{3})?)?$");

    public Icd10Code {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not an ICD-10 code such as I10, E11.9 or I10.x00x002");
        }
    }

    public static Icd10Code parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("not an ICD-10 code such as I10, E11.9 or I10.x00x002");
        }
        String stripped = raw.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("not an ICD-10 code such as I10, E11.9 or I10.x00x002");
        }
        String canonical = Character.toUpperCase(stripped.charAt(0))
                + stripped.substring(1).replace('X', 'x');
        return new Icd10Code(canonical);
    }

    /** The three-character category ({@code I10} of {@code I10.x00}), the unit of disease catalogues and spectra. */
    public String category() {
        return value.substring(0, 3);
    }

    @Override
    public String toString() {
        return value;
    }
}
