package org.sanyi.directory.domain;

import java.util.List;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.Ownership;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;

/** What a caller states about an institution, apart from its pairings. */
public record InstitutionAttributes(
        String name, InstitutionType type, CareLevel level, Ownership ownership, RegionCodes region, boolean active) {

    /**
     * Bodies that deliver no care (regulators, insurers, pharmacies, distributors) have no care level; care providers
     * have one, except that a care home without a medical licence may have none.
     */
    public InstitutionAttributes {
        boolean levelApplies = level != CareLevel.NOT_APPLICABLE;
        if (!type.deliversCare() && levelApplies) {
            throw levelMismatch(type + " delivers no care, so its level is NOT_APPLICABLE, not " + level);
        }
        if (type.deliversCare() && type != InstitutionType.ELDERLY_CARE && !levelApplies) {
            throw levelMismatch(type + " delivers care, so it needs a care level (GRASSROOTS to TERTIARY)");
        }
    }

    private static ApiProblem levelMismatch(String message) {
        return new ApiProblem(
                DirectoryProblem.LEVEL_INCONSISTENT_WITH_TYPE,
                "level: " + message,
                List.of(new FieldViolation("level", message)));
    }
}
