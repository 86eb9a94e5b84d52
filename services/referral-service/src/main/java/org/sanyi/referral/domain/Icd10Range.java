package org.sanyi.referral.domain;

import java.util.regex.Pattern;

/**
 * A range of ICD-10 categories, both ends included, as disease catalogues write them: {@code I10-I15} (hypertensive
 * diseases), {@code E10-E14} (diabetes mellitus).
 */
public record Icd10Range(String from, String to, String name) {

    private static final Pattern CATEGORY = Pattern.compile("^[A-Z][0-9]{2}$");

    public Icd10Range {
        if (from == null
                || to == null
                || !CATEGORY.matcher(from).matches()
                || !CATEGORY.matcher(to).matches()) {
            throw new IllegalArgumentException("An ICD-10 range runs between two categories such as I10 and I15");
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("ICD-10 range " + from + "-" + to + " runs backwards");
        }
    }

    public boolean contains(Icd10Code code) {
        String category = code.category();
        return category.compareTo(from) >= 0 && category.compareTo(to) <= 0;
    }
}
