package org.sanyi.platform.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.platform.problem.PlatformProblem;

/**
 * Why a caller reads or writes patient data: the codes of the HL7 v3 PurposeOfUse value set
 * (2.16.840.1.113883.5.8) that an exchange between hospitals, insurers and regulators can meet. Callers state one in
 * {@code X-Purpose-Of-Use}; the audit stores the code, so a record never carries free text from a header.
 */
public enum PurposeOfUse {
    TREAT("treatment"),
    /** Break-glass: emergency treatment outside the usual rules; reviewers look at these first. */
    ETREAT("emergency treatment"),
    CAREMGT("care management"),
    PATRQT("patient requested"),
    HPAYMT("healthcare payment"),
    CLMATTCH("claim attachment"),
    COVAUTH("coverage authorization"),
    HOPERAT("healthcare operations"),
    HQUALIMP("healthcare quality improvement"),
    HSYSADMIN("health system administration"),
    HCOMPL("health compliance"),
    PUBHLTH("public health"),
    HRESCH("healthcare research");

    /** The header that carries the code. */
    public static final String HEADER = "X-Purpose-Of-Use";

    /** What a caller that states no purpose is taken to mean. */
    public static final PurposeOfUse DEFAULT = TREAT;

    private final String display;

    PurposeOfUse(String display) {
        this.display = display;
    }

    /** The HL7 code, as sent in the header and stored in the audit. */
    public String code() {
        return name();
    }

    public String display() {
        return display;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(PurposeOfUse::code).toList();
    }

    /** The code in an exact (case-sensitive, as HL7 codes are) match, if it is one of the set. */
    public static Optional<PurposeOfUse> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst();
    }

    /**
     * The purpose stated in the header's value: {@link #DEFAULT} when there is none, otherwise a code of the set.
     *
     * @throws ApiProblem 400 {@link PlatformProblem#INVALID_PURPOSE_OF_USE} naming the header for anything else
     */
    public static PurposeOfUse fromHeader(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return DEFAULT;
        }
        return byCode(headerValue.trim()).orElseThrow(() -> {
            String message = "must be one of " + String.join(", ", codes()) + " (HL7 PurposeOfUse)";
            return new ApiProblem(
                    PlatformProblem.INVALID_PURPOSE_OF_USE,
                    HEADER + ": " + message,
                    List.of(new FieldViolation(HEADER, message)));
        });
    }
}
