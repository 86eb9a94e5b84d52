package org.sanyi.imaging.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A DICOM PN value (PS3.18 F.2.2): its alphabetic, ideographic (汉字) and phonetic groups, each optional. */
public record PersonName(String alphabetic, String ideographic, String phonetic) {

    @JsonIgnore
    public boolean isEmpty() {
        return blank(alphabetic) && blank(ideographic) && blank(phonetic);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
