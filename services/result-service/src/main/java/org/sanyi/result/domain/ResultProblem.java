package org.sanyi.result.domain;

import java.util.List;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemDefinition;
import org.sanyi.platform.problem.ProblemType;

/** Problems only the result service answers with; codes RES-0001… are never reused. */
public enum ResultProblem implements ProblemType {
    RESULT_NOT_FOUND("RES-0001", 404, "result-not-found", "No such result"),
    ITEM_UNKNOWN(
            "RES-0002", 422, "result-item-unknown", "The item code is not an active item of the recognition catalogue"),
    CONTENT_CONFLICT(
            "RES-0003",
            409,
            "result-content-conflict",
            "A result with this report id was published with other content; publish the change with status AMENDED"),
    RESULT_WITHDRAWN("RES-0004", 409, "result-withdrawn", "The result was withdrawn by its issuer"),
    CHECK_NOT_FOUND("RES-0005", 404, "result-check-not-found", "No such recognition check"),
    CHECK_CLOSED(
            "RES-0006", 409, "result-check-closed", "The check is no longer open; make a new check before deciding"),
    NOT_RECOGNISABLE(
            "RES-0007",
            422,
            "result-not-recognisable",
            "The cited result is not a recognisable result of this check for this patient and item"),
    DECISION_EXISTS(
            "RES-0008", 409, "result-decision-exists", "A decision on this item of the check was recorded already"),
    ITEM_NOT_CHECKED("RES-0009", 422, "result-item-not-checked", "The item was not part of the check"),
    CATALOGUE_ITEM_NOT_FOUND("RES-0010", 404, "result-catalogue-item-not-found", "No such item in the catalogue"),
    UNKNOWN_INSTITUTION(
            "RES-0011",
            422,
            "result-institution-unknown",
            "The institution is not in the regional directory or does not deliver care"),
    POLICY_OVERLAP(
            "RES-0012",
            409,
            "result-policy-exists",
            "The region has a policy version with this number or effective date already");

    private final ProblemDefinition definition;

    ResultProblem(String code, int status, String slug, String title) {
        this.definition = new ProblemDefinition(code, status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }

    /** Registered in META-INF/services so the exchange-wide uniqueness check sees these codes. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<ResultProblem> problemTypes() {
            return List.of(values());
        }
    }
}
