package org.sanyi.referral.domain;

import java.util.List;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemDefinition;
import org.sanyi.platform.problem.ProblemType;

/** Problems only the referral service answers with; codes REF-0001… are never reused. */
public enum ReferralProblem implements ProblemType {
    REFERRAL_NOT_FOUND("REF-0001", 404, "referral-not-found", "No such referral"),
    ILLEGAL_TRANSITION(
            "REF-0002", 409, "referral-illegal-transition", "The referral's status does not allow this step"),
    UNKNOWN_INSTITUTION(
            "REF-0003", 422, "referral-institution-unknown", "The institution is not in the regional directory"),
    NOT_A_CARE_PROVIDER(
            "REF-0004",
            422,
            "referral-institution-not-care-provider",
            "The institution is inactive or does not deliver care, so it cannot send or receive referrals"),
    SELF_REFERRAL("REF-0005", 422, "referral-to-self", "An institution cannot refer a patient to itself"),
    REVIEWER_IS_REQUESTER(
            "REF-0006",
            422,
            "referral-self-review",
            "The referral reviewer must be another person than the sending clinician (转诊审核责任制)"),
    GREEN_CHANNEL_NOT_ELIGIBLE(
            "REF-0008",
            422,
            "referral-green-channel-not-eligible",
            "The diagnosis is not one for which the region's policy opens the green channel");

    private final ProblemDefinition definition;

    ReferralProblem(String code, int status, String slug, String title) {
        this.definition = new ProblemDefinition(code, status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }

    /** Registered in META-INF/services so the exchange-wide uniqueness check sees these codes. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<ReferralProblem> problemTypes() {
            return List.of(values());
        }
    }
}
