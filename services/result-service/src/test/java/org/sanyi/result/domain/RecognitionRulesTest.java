package org.sanyi.result.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.Ownership;
import org.sanyi.events.directory.Region;
import org.sanyi.events.result.NotRecognisableReason;
import org.sanyi.events.result.RecognitionScope;
import org.sanyi.events.result.ResultKind;
import org.sanyi.events.result.ResultStatus;

/** Each rule on both sides of its boundary: validity window, scope by group and level, EQA, withdrawal. */
class RecognitionRulesTest {

    private static final Region NINGDE = new Region("350000", "350900", "350921", null);
    private static final Region FUZHOU = new Region("350000", "350100", "350102", null);
    private static final InstitutionSnapshot TOWNSHIP = institution("NDXP-THC01", CareLevel.GRASSROOTS, NINGDE);
    private static final InstitutionSnapshot COUNTY = institution("NDXP-H01", CareLevel.SECONDARY, NINGDE);
    private static final InstitutionSnapshot OTHER_COUNTY = institution("NDFA-H01", CareLevel.SECONDARY, NINGDE);
    private static final InstitutionSnapshot CITY = institution("ND-H01", CareLevel.TERTIARY, NINGDE);
    private static final InstitutionSnapshot PROVINCIAL = institution("FJ-H01", CareLevel.TERTIARY, FUZHOU);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private final RecognitionItem cbc = item(7, true);
    private final RecognitionPolicy all = policy(List.of(
            RecognitionScope.SAME_GROUP,
            RecognitionScope.SAME_LEVEL,
            RecognitionScope.HIGHER_TO_LOWER,
            RecognitionScope.CITY_WIDE));
    private final RecognitionPolicy groupAndLevel =
            policy(List.of(RecognitionScope.SAME_GROUP, RecognitionScope.SAME_LEVEL));
    private final RecognitionPolicy higherToLower =
            policy(List.of(RecognitionScope.SAME_GROUP, RecognitionScope.HIGHER_TO_LOWER));

    @Test
    void aResultExactlyTheWindowOldIsRecognisableAndOneDayOlderIsExpired() {
        Assessment inside = assess(cbc, all, TODAY.minusDays(7), CITY, COUNTY, false, true);
        assertThat(inside.basis()).isEqualTo(RecognitionScope.HIGHER_TO_LOWER);
        assertThat(inside.ageDays()).isEqualTo(7);
        Assessment outside = assess(cbc, all, TODAY.minusDays(8), CITY, COUNTY, false, true);
        assertThat(outside.reason()).isEqualTo(NotRecognisableReason.EXPIRED);
    }

    @Test
    void theRegionsWindowReplacesTheCataloguesDefault() {
        RecognitionPolicy shorter = new RecognitionPolicy(
                "350900",
                1,
                LocalDate.of(2023, 1, 1),
                null,
                "test",
                new RecognitionPolicy.Parameters(all.parameters().scopes(), Map.of("LAB-CBC", 5), 24));
        assertThat(assess(cbc, shorter, TODAY.minusDays(5), CITY, COUNTY, false, true)
                        .recognisable())
                .isTrue();
        assertThat(assess(cbc, shorter, TODAY.minusDays(6), CITY, COUNTY, false, true)
                        .reason())
                .isEqualTo(NotRecognisableReason.EXPIRED);
    }

    @Test
    void sameGroupRecognisesALowerLevelLabAndWithoutTheGroupItIsOutOfScope() {
        assertThat(assess(cbc, groupAndLevel, TODAY.minusDays(2), TOWNSHIP, COUNTY, true, true)
                        .basis())
                .isEqualTo(RecognitionScope.SAME_GROUP);
        assertThat(assess(cbc, groupAndLevel, TODAY.minusDays(2), TOWNSHIP, COUNTY, false, true)
                        .reason())
                .isEqualTo(NotRecognisableReason.OUT_OF_SCOPE);
    }

    @Test
    void sameLevelWithinTheCityOnly() {
        assertThat(assess(cbc, groupAndLevel, TODAY.minusDays(1), OTHER_COUNTY, COUNTY, false, true)
                        .basis())
                .isEqualTo(RecognitionScope.SAME_LEVEL);
        assertThat(assess(cbc, groupAndLevel, TODAY.minusDays(1), PROVINCIAL, CITY, false, true)
                        .reason())
                .as("same level, another city")
                .isEqualTo(NotRecognisableReason.OUT_OF_SCOPE);
    }

    @Test
    void higherToLowerGoesDownNotUp() {
        assertThat(assess(cbc, higherToLower, TODAY.minusDays(1), CITY, COUNTY, false, true)
                        .basis())
                .isEqualTo(RecognitionScope.HIGHER_TO_LOWER);
        assertThat(assess(cbc, higherToLower, TODAY.minusDays(1), COUNTY, CITY, false, true)
                        .reason())
                .as("a secondary lab's result at a tertiary hospital")
                .isEqualTo(NotRecognisableReason.OUT_OF_SCOPE);
    }

    @Test
    void cityWideRecognisesAnyLevelOfTheCity() {
        RecognitionPolicy cityWide = policy(List.of(RecognitionScope.CITY_WIDE));
        assertThat(assess(cbc, cityWide, TODAY, TOWNSHIP, CITY, false, true).basis())
                .isEqualTo(RecognitionScope.CITY_WIDE);
        assertThat(assess(cbc, cityWide, TODAY, PROVINCIAL, CITY, false, true).reason())
                .isEqualTo(NotRecognisableReason.OUT_OF_SCOPE);
    }

    @Test
    void anItemThatNeedsEqaIsNotRecognisableWithoutAPassAndOneThatDoesNotIs() {
        assertThat(assess(cbc, all, TODAY, CITY, COUNTY, false, false).reason())
                .isEqualTo(NotRecognisableReason.NO_VALID_EQA);
        RecognitionItem ecg = item(30, false);
        assertThat(assess(ecg, all, TODAY, CITY, COUNTY, false, false).recognisable())
                .isTrue();
    }

    @Test
    void aWithdrawnResultIsNeverRecognisableNotEvenOwn() {
        Result result = result(TODAY.minusDays(1));
        result.status = ResultStatus.WITHDRAWN;
        Assessment assessment = RecognitionRules.assess(
                result.summary(),
                cbc,
                all,
                true,
                true,
                new RecognitionRules.Parties(CITY, CITY, true),
                TODAY.minusDays(1),
                TODAY);
        assertThat(assessment.reason()).isEqualTo(NotRecognisableReason.WITHDRAWN);
    }

    @Test
    void ownResultsNeedNoScopeButStillAWindow() {
        RecognitionPolicy none = policy(List.of());
        Result result = result(TODAY.minusDays(3));
        assertThat(RecognitionRules.assess(
                                result.summary(),
                                cbc,
                                none,
                                false,
                                true,
                                new RecognitionRules.Parties(TOWNSHIP, TOWNSHIP, false),
                                TODAY.minusDays(3),
                                TODAY)
                        .basis())
                .isEqualTo(RecognitionScope.SAME_INSTITUTION);
        assertThat(RecognitionRules.assess(
                                result.summary(),
                                cbc,
                                none,
                                true,
                                true,
                                new RecognitionRules.Parties(TOWNSHIP, TOWNSHIP, false),
                                TODAY.minusDays(8),
                                TODAY)
                        .reason())
                .isEqualTo(NotRecognisableReason.EXPIRED);
    }

    private Assessment assess(
            RecognitionItem item,
            RecognitionPolicy policy,
            LocalDate specimenDate,
            InstitutionSnapshot performer,
            InstitutionSnapshot orderer,
            boolean sameGroup,
            boolean eqaValid) {
        return RecognitionRules.assess(
                result(specimenDate).summary(),
                item,
                policy,
                eqaValid,
                false,
                new RecognitionRules.Parties(performer, orderer, sameGroup),
                specimenDate,
                TODAY);
    }

    private static Result result(LocalDate specimenDate) {
        Result result = new Result();
        result.status = ResultStatus.FINAL;
        result.itemCode = "LAB-CBC";
        result.specimenAt = specimenDate.atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(8));
        return result;
    }

    private static RecognitionItem item(int validityDays, boolean requiresEqa) {
        RecognitionItem item = new RecognitionItem();
        item.code = "LAB-CBC";
        item.kind = ResultKind.LAB;
        item.validityDays = validityDays;
        item.requiresEqa = requiresEqa;
        item.referencePrice = new BigDecimal("20.00");
        return item;
    }

    private static RecognitionPolicy policy(List<RecognitionScope> scopes) {
        return new RecognitionPolicy(
                "350900",
                1,
                LocalDate.of(2023, 1, 1),
                null,
                "test",
                new RecognitionPolicy.Parameters(scopes, Map.of(), 24));
    }

    private static InstitutionSnapshot institution(String code, CareLevel level, Region region) {
        return new InstitutionSnapshot(
                code,
                code,
                InstitutionType.GENERAL_HOSPITAL,
                level,
                Ownership.GOVERNMENT,
                region,
                true,
                List.of(),
                1,
                Instant.now());
    }
}
