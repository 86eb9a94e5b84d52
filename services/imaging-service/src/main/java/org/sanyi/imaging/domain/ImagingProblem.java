package org.sanyi.imaging.domain;

import java.util.List;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemDefinition;
import org.sanyi.platform.problem.ProblemType;

/** Problems only the imaging service answers with; codes IMG-0001… are never reused. */
public enum ImagingProblem implements ProblemType {
    STUDY_NOT_FOUND("IMG-0001", 404, "imaging-study-not-found", "No such study in the index"),
    STUDY_OF_ANOTHER_SOURCE(
            "IMG-0002",
            403,
            "imaging-study-of-another-source",
            "The study is registered by another institution; only its source may change it"),
    STUDY_RETRACTED("IMG-0003", 409, "imaging-study-retracted", "The study was retracted by its source"),
    NO_TREATMENT_RELATIONSHIP(
            "IMG-0004",
            403,
            "imaging-no-treatment-relationship",
            "The institution has no treatment relationship with the patient that lets it see these studies"),
    INVALID_DICOM_JSON("IMG-0005", 400, "imaging-invalid-dicom-json", "The DICOM JSON does not follow PS3.18 Annex F"),
    INVALID_QUERY("IMG-0006", 400, "imaging-invalid-query", "The QIDO-RS query is not valid"),
    NO_READING_CENTRE(
            "IMG-0007",
            422,
            "imaging-no-reading-centre",
            "The named institution is not an imaging centre of a medical group the source belongs to"),
    NOT_THE_READER(
            "IMG-0008",
            403,
            "imaging-not-the-reader",
            "Only the source or the reading centre the study was routed to may report on it"),
    BREAK_GLASS_NEEDS_EMERGENCY(
            "IMG-0009",
            400,
            "imaging-break-glass-needs-emergency",
            "A break-glass access must declare purpose of use ETREAT and a coded reason"),
    ACCESS_NOT_FOUND("IMG-0010", 404, "imaging-access-not-found", "No such break-glass access"),
    ACCESS_REVIEWED("IMG-0011", 409, "imaging-access-reviewed", "The break-glass access was reviewed already"),
    CONSENT_NEEDS_CARD(
            "IMG-0012",
            422,
            "imaging-consent-needs-card",
            "A consent is recorded when the patient presents the e-health card (一码通): give its identifier"),
    CONSENT_NOT_FOUND("IMG-0013", 404, "imaging-consent-not-found", "No such consent of this institution");

    private final ProblemDefinition definition;

    ImagingProblem(String code, int status, String slug, String title) {
        this.definition = new ProblemDefinition(code, status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }

    /** Registered in META-INF/services so the exchange-wide uniqueness check sees these codes. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<ImagingProblem> problemTypes() {
            return List.of(values());
        }
    }
}
