package org.sanyi.result.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.result.NotRecognisableReason;
import org.sanyi.events.result.RecognitionScope;

/**
 * The recognition rule, in one place (BR-E2, EXR-03…EXR-05, EXR-09): a result is recognisable for an orderer on a
 * day when it is not withdrawn, is at most the item's validity window old (in days, Asia/Shanghai dates; a result
 * exactly that many days old still counts), and is the orderer's own, or its performing lab had a valid EQA pass
 * where the item needs one and one of the region's scopes covers performer and orderer. The receiving doctor still
 * decides (BR-E3): recognisable means offered, not imposed.
 */
public final class RecognitionRules {

    private RecognitionRules() {}

    /** The directory's view of the parties on the check date. */
    public record Parties(InstitutionSnapshot performer, InstitutionSnapshot orderer, boolean sameGroup) {}

    /**
     * @param eqaValid whether the performer had a passed EQA for the item on the specimen date
     * @param ownResult whether the orderer issued or performed the result
     */
    public static Assessment assess(
            ResultSummary result,
            RecognitionItem item,
            RecognitionPolicy policy,
            boolean eqaValid,
            boolean ownResult,
            Parties parties,
            LocalDate specimenDate,
            LocalDate onDate) {
        int window = policy.validityDays(item);
        long age = Math.max(0, ChronoUnit.DAYS.between(specimenDate, onDate));
        if (result.withdrawn()) {
            return Assessment.not(NotRecognisableReason.WITHDRAWN, age, window);
        }
        if (age > window) {
            return Assessment.not(NotRecognisableReason.EXPIRED, age, window);
        }
        if (ownResult) {
            return Assessment.recognisable(RecognitionScope.SAME_INSTITUTION, age, window);
        }
        if (item.requiresEqa && !eqaValid) {
            return Assessment.not(NotRecognisableReason.NO_VALID_EQA, age, window);
        }
        for (RecognitionScope scope : policy.parameters().scopes()) {
            if (covers(scope, parties)) {
                return Assessment.recognisable(scope, age, window);
            }
        }
        return Assessment.not(NotRecognisableReason.OUT_OF_SCOPE, age, window);
    }

    static boolean covers(RecognitionScope scope, Parties parties) {
        InstitutionSnapshot performer = parties.performer();
        InstitutionSnapshot orderer = parties.orderer();
        if (performer == null || orderer == null) {
            return scope == RecognitionScope.SAME_GROUP && parties.sameGroup();
        }
        boolean sameCity = performer.region() != null
                && orderer.region() != null
                && performer.region().cityCode() != null
                && Objects.equals(
                        performer.region().cityCode(), orderer.region().cityCode());
        CareLevel performerLevel = performer.level();
        CareLevel ordererLevel = orderer.level();
        boolean careLevels = performerLevel != null
                && ordererLevel != null
                && performerLevel != CareLevel.NOT_APPLICABLE
                && ordererLevel != CareLevel.NOT_APPLICABLE;
        return switch (scope) {
            case SAME_INSTITUTION -> performer.code().equals(orderer.code());
            case SAME_GROUP -> parties.sameGroup();
            case SAME_LEVEL -> sameCity && careLevels && performerLevel == ordererLevel;
            case HIGHER_TO_LOWER -> sameCity && careLevels && performerLevel.rank() > ordererLevel.rank();
            case CITY_WIDE -> sameCity;
        };
    }
}
