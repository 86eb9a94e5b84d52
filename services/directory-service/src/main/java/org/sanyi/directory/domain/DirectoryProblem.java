package org.sanyi.directory.domain;

import java.util.List;
import org.sanyi.platform.problem.ProblemCatalogue;
import org.sanyi.platform.problem.ProblemDefinition;
import org.sanyi.platform.problem.ProblemType;

/** Problems only the directory answers with. Codes are stable: clients branch on them. */
public enum DirectoryProblem implements ProblemType {
    INSTITUTION_NOT_FOUND("DIR-0001", 404, "institution-not-found", "No institution has this code"),
    MEDICAL_GROUP_NOT_FOUND("DIR-0002", 404, "medical-group-not-found", "No medical group has this id"),
    UNKNOWN_INSTITUTION_REFERENCE(
            "DIR-0004", 422, "unknown-institution-reference", "The request refers to an institution that is not known"),
    LEVEL_INCONSISTENT_WITH_TYPE(
            "DIR-0005", 422, "level-inconsistent-with-type", "The care level does not fit the institution type"),
    OVERLAPPING_PERIODS("DIR-0006", 422, "overlapping-periods", "Two entries for the same relation overlap in time"),
    SEVERAL_LEADS("DIR-0007", 422, "several-leads", "A medical group has more than one lead institution at a time"),
    PAIRING_NOT_ALLOWED(
            "DIR-0008", 422, "pairing-not-allowed", "This kind of pairing is not possible between these institutions"),
    MEMBER_NOT_CARE_PROVIDER(
            "DIR-0009", 422, "member-not-care-provider", "Only institutions that deliver care join medical groups"),
    REGION_INCONSISTENT(
            "DIR-0010", 422, "region-inconsistent", "The region codes are not nested province > city > county"),
    INVALID_PERIOD("DIR-0011", 422, "invalid-period", "An effective period ends before it starts");

    private final ProblemDefinition definition;

    DirectoryProblem(String code, int status, String slug, String title) {
        this.definition = new ProblemDefinition(code, status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }

    /** Registered in META-INF/services, so the uniqueness check sees these codes. */
    public static final class Catalogue implements ProblemCatalogue {
        @Override
        public List<DirectoryProblem> problemTypes() {
            return List.of(values());
        }
    }
}
