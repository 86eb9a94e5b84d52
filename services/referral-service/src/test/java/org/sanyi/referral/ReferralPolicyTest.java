package org.sanyi.referral;

import static org.hamcrest.Matchers.equalTo;
import static org.sanyi.referral.DirectoryFixture.GUTIAN_HOSPITAL;
import static org.sanyi.referral.DirectoryFixture.GUTIAN_VILLAGE_CLINIC;
import static org.sanyi.referral.Referrals.asHospital;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sanyi.referral.application.ReferralPolicies;
import org.sanyi.testing.SanyiTestInfrastructure;

/** Regional rules are data: a county can get its own versioned policy without a code change. */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralPolicyTest extends ReferralTestBase {

    @Inject
    ReferralPolicies policies;

    @Test
    void aCountysOwnVersionInForceReplacesTheCitysPolicy() throws Exception {
        asHospital(GUTIAN_VILLAGE_CLINIC)
                .body(Referrals.body(GUTIAN_HOSPITAL).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("policy.regionCode", equalTo("350900"))
                .body("flags.reimbursementUpliftPoints", equalTo(5))
                .body("flags.secondDeductibleWaived", equalTo(true));

        // 古田县 gets its own policy: version 1 in force, version 2 only from a future date.
        insertPolicy(1, LocalDate.of(2024, 1, 1), 8, false, "PT48H");
        insertPolicy(2, LocalDate.now().plusYears(1), 9, true, "PT12H");
        policies.refresh();

        asHospital(GUTIAN_VILLAGE_CLINIC)
                .body(Referrals.body(GUTIAN_HOSPITAL).toString())
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("policy.regionCode", equalTo("350922"))
                .body("policy.version", equalTo(1))
                .body("flags.properReferral", equalTo(true))
                .body("flags.reimbursementUpliftPoints", equalTo(8))
                .body("flags.sameGroupEpisode", equalTo(true))
                .body("flags.secondDeductibleWaived", equalTo(false));
    }

    private static void insertPolicy(
            int version, LocalDate effectiveFrom, int upliftPoints, boolean waiver, String routineAnswer)
            throws Exception {
        Referrals.execute(
                "insert into referral_policy (region_code, version, effective_from, title, parameters)"
                        + " values ('350922', ?, ?, ?, cast(? as jsonb))",
                version,
                effectiveFrom,
                "古田县 test policy v" + version,
                """
                {"properReferralUpliftPoints": %d, "secondDeductibleWaiver": %s,
                 "answerWithin": {"ROUTINE": "%s", "URGENT": "PT24H", "GREEN_CHANNEL": "PT2H"},
                 "firstContactCatalogue": [{"from": "I10", "to": "I15", "name": "高血压"}]}
                """
                        .formatted(upliftPoints, waiver, routineAnswer));
    }
}
