package org.sanyi.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.Ownership;
import org.sanyi.events.directory.Region;
import org.sanyi.events.referral.DownReferralIndication;
import org.sanyi.events.referral.ReferralDirection;
import org.sanyi.events.referral.ReferralFlags;
import org.sanyi.events.referral.ReferralUrgency;

/** Direction and the insurers' flags from the parties and the policy alone (REF-02, REF-03, REF-05). */
class ReferralFlagRulesTest {

    /** 宁德's knobs: +5 points for a proper referral, second deductible waived within a group, 高血压 first contact. */
    private static final PolicyParameters NINGDE = new PolicyParameters(
            5,
            true,
            Map.of(
                    ReferralUrgency.ROUTINE, Duration.ofDays(3),
                    ReferralUrgency.URGENT, Duration.ofHours(4),
                    ReferralUrgency.GREEN_CHANNEL, Duration.ofMinutes(30)),
            List.of(new Icd10Range("I10", "I15", "高血压")),
            null);

    private static final InstitutionSnapshot VILLAGE_CLINIC =
            institution("VC", InstitutionType.VILLAGE_CLINIC, CareLevel.GRASSROOTS, "350921");
    private static final InstitutionSnapshot COUNTY_HOSPITAL =
            institution("CH", InstitutionType.GENERAL_HOSPITAL, CareLevel.SECONDARY, "350921");
    private static final InstitutionSnapshot OTHER_COUNTY_HOSPITAL =
            institution("OH", InstitutionType.GENERAL_HOSPITAL, CareLevel.SECONDARY, "350981");
    private static final InstitutionSnapshot CARE_HOME =
            institution("EC", InstitutionType.ELDERLY_CARE, CareLevel.NOT_APPLICABLE, "350921");

    @Test
    void directionFollowsTheCareLevels() {
        assertThat(ReferralFlagRules.directionBetween(CareLevel.GRASSROOTS, CareLevel.SECONDARY))
                .isEqualTo(ReferralDirection.UPWARD);
        assertThat(ReferralFlagRules.directionBetween(CareLevel.TERTIARY, CareLevel.GRASSROOTS))
                .isEqualTo(ReferralDirection.DOWNWARD);
        assertThat(ReferralFlagRules.directionBetween(CareLevel.SECONDARY, CareLevel.SECONDARY))
                .isEqualTo(ReferralDirection.LATERAL);
        assertThat(ReferralFlagRules.directionBetween(CareLevel.NOT_APPLICABLE, CareLevel.TERTIARY))
                .isEqualTo(ReferralDirection.LATERAL);
    }

    @Test
    void anUpwardReferralFromGrassrootsInOneGroupEarnsThePointsAndTheWaiver() {
        ReferralFlags flags = flags(VILLAGE_CLINIC, COUNTY_HOSPITAL, "I63.900", null, List.of("GRP-XP-YGT"));

        assertThat(flags.properReferral()).isTrue();
        assertThat(flags.reimbursementUpliftPoints()).isEqualTo(5);
        assertThat(flags.sameGroupEpisode()).isTrue();
        assertThat(flags.secondDeductibleWaived()).isTrue();
        assertThat(flags.outOfCounty()).isFalse();
        assertThat(flags.bypassedGrassroots()).isFalse();
    }

    @Test
    void aDownwardReferralIsProperOnlyWithAnIndication() {
        assertThat(flags(COUNTY_HOSPITAL, VILLAGE_CLINIC, "I10", null, List.of())
                        .properReferral())
                .isFalse();
        ReferralFlags indicated =
                flags(COUNTY_HOSPITAL, VILLAGE_CLINIC, "I10", DownReferralIndication.STABLE_CHRONIC_PHASE, List.of());
        assertThat(indicated.properReferral()).isTrue();
        assertThat(indicated.secondDeductibleWaived())
                .as("no common group, no waiver")
                .isFalse();
    }

    @Test
    void aFirstContactDiseaseSentUpFromAHospitalBypassedGrassroots() {
        ReferralFlags flags = flags(COUNTY_HOSPITAL, OTHER_COUNTY_HOSPITAL, "I10.x00", null, List.of());

        assertThat(flags.bypassedGrassroots()).isFalse(); // lateral, not upward
        ReferralFlags upward = flags(
                COUNTY_HOSPITAL,
                institution("PH", InstitutionType.GENERAL_HOSPITAL, CareLevel.TERTIARY, "350102"),
                "I10.x00",
                null,
                List.of());
        assertThat(upward.bypassedGrassroots()).isTrue();
        assertThat(upward.properReferral()).isFalse();
        assertThat(upward.reimbursementUpliftPoints()).isZero();
        assertThat(upward.outOfCounty()).isTrue();
        assertThat(flags.outOfCounty()).isTrue();
    }

    @Test
    void aCareHomeOnEitherSideIsAnElderlyCareTransfer() {
        assertThat(flags(CARE_HOME, COUNTY_HOSPITAL, "I63.900", null, List.of()).elderlyCareTransfer())
                .isTrue();
        assertThat(flags(VILLAGE_CLINIC, COUNTY_HOSPITAL, "I63.900", null, List.of())
                        .elderlyCareTransfer())
                .isFalse();
    }

    private static ReferralFlags flags(
            InstitutionSnapshot sender,
            InstitutionSnapshot receiver,
            String diagnosis,
            DownReferralIndication indication,
            List<String> commonGroups) {
        return ReferralFlagRules.flags(
                sender,
                receiver,
                ReferralUrgency.ROUTINE,
                Icd10Code.parse(diagnosis),
                indication,
                false,
                commonGroups,
                NINGDE);
    }

    private static InstitutionSnapshot institution(String code, InstitutionType type, CareLevel level, String county) {
        return new InstitutionSnapshot(
                code,
                code,
                type,
                level,
                Ownership.GOVERNMENT,
                new Region("350000", county.startsWith("3501") ? "350100" : "350900", county, null),
                true,
                List.of(),
                1,
                Instant.EPOCH);
    }
}
