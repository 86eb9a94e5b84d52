package org.sanyi.referral.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.referral.ReferralDirection;

class ReferralDirectionTest {

    @Test
    void directionFollowsTheCareLevels() {
        assertThat(ReferralRouting.directionBetween(CareLevel.GRASSROOTS, CareLevel.SECONDARY))
                .isEqualTo(ReferralDirection.UPWARD);
        assertThat(ReferralRouting.directionBetween(CareLevel.TERTIARY, CareLevel.GRASSROOTS))
                .isEqualTo(ReferralDirection.DOWNWARD);
        assertThat(ReferralRouting.directionBetween(CareLevel.SECONDARY, CareLevel.SECONDARY))
                .isEqualTo(ReferralDirection.LATERAL);
        assertThat(ReferralRouting.directionBetween(CareLevel.NOT_APPLICABLE, CareLevel.TERTIARY))
                .isEqualTo(ReferralDirection.LATERAL);
    }
}
