package org.sanyi.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationIdsTest {

    @Test
    void theIdIsTheMethodAndThePathWithoutItsVersion() {
        assertThat(OperationIds.of("POST", "/v1/referrals/{id}/accept")).isEqualTo("postReferralsByIdAccept");
        assertThat(OperationIds.of("GET", "/v1/institutions")).isEqualTo("getInstitutions");
        assertThat(OperationIds.of("PUT", "/v1/groups/{id}/memberships")).isEqualTo("putGroupsByIdMemberships");
    }

    @Test
    void separatorsInsideASegmentStartANewWord() {
        assertThat(OperationIds.of("GET", "/v2/audit/chain-checkpoints/{checkpoint_id}"))
                .isEqualTo("getAuditChainCheckpointsByCheckpointId");
    }

    @Test
    void twoOperationsOnOnePathGetTwoIds() {
        assertThat(OperationIds.of("GET", "/v1/institutions/{code}"))
                .isNotEqualTo(OperationIds.of("PUT", "/v1/institutions/{code}"));
    }
}
