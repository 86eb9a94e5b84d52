package org.sanyi.kernel;

import java.util.regex.Pattern;

/**
 * DICOM unique identifier rules (PS3.5 §9.1): at most 64 characters, dot-separated numeric components without
 * leading zeros, at least two components. Study, series and instance UIDs of the referral and imaging services.
 */
public final class DicomUid {

    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))+$");

    private DicomUid() {}

    public static boolean isValid(String uid) {
        return uid != null && uid.length() <= MAX_LENGTH && SHAPE.matcher(uid).matches();
    }
}
