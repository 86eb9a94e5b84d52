package org.sanyi.imaging.domain;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.sanyi.kernel.UnifiedSocialCreditCode;

/**
 * The 医保影像云 national index ID (NHSA draft for comment, 2025-02-10): five parts, 78 characters. 人员管理码 (26
 * digits), exam date-time {@code yyyyMMddHHmm}, body-part code per WS/T 364.8—2023 (9 characters, all {@code 0} for
 * now), 医保医用设备代码 (13 characters, all {@code 0} for now), and the storage institution's 统一社会信用代码 (18).
 * The region's 医保 person codes may be shorter than 26 digits; they are left-padded with zeros [inference: the
 * draft gives the width, not the padding].
 */
public final class NhsaIndexId {

    static final int PERSON_CODE_LENGTH = 26;
    static final String BODY_PART_UNCODED = "0".repeat(9);
    static final String DEVICE_UNCODED = "0".repeat(13);
    private static final DateTimeFormatter EXAM_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private NhsaIndexId() {}

    /** The index ID, or empty when the person code or the storage institution's credit code is missing or invalid. */
    public static Optional<String> of(String insurancePersonCode, LocalDateTime examTime, String storageCreditCode) {
        if (insurancePersonCode == null
                || !insurancePersonCode.matches("[0-9]{1,26}")
                || !UnifiedSocialCreditCode.isValid(storageCreditCode)) {
            return Optional.empty();
        }
        String person = "0".repeat(PERSON_CODE_LENGTH - insurancePersonCode.length()) + insurancePersonCode;
        return Optional.of(
                person + EXAM_TIME.format(examTime) + BODY_PART_UNCODED + DEVICE_UNCODED + storageCreditCode);
    }
}
