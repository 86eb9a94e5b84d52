package org.sanyi.result;

import static org.awaitility.Awaitility.await;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.OTHER_COUNTY_HOSPITAL;
import static org.sanyi.directory.replica.testing.NingdeTestRegion.TOWNSHIP_CENTRE;
import static org.sanyi.testing.TestCallers.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanyi.directory.replica.testing.DirectoryPublisher;
import org.sanyi.events.EventType;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestPatients;
import org.sanyi.testing.TestTokens;

/** A hospital outside the issuer's group reads an attached result once a referral to it is accepted, not before. */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralGrantTest extends ResultTestBase {

    @Test
    void anAcceptedReferralThatAttachedAResultLetsItsReceiverReadIt() {
        String result = Results.published(
                TOWNSHIP_CENTRE,
                Results.bloodCount("CBC-" + UUID.randomUUID(), Duration.ofDays(1), TestPatients.residentId()));
        as(OTHER_COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/results/" + result)
                .then()
                .statusCode(403);

        String referral = UUID.randomUUID().toString();
        String requested = event(referral, "REQUESTED", result);
        String accepted = event(referral, "ACCEPTED", result);
        try (DirectoryPublisher publisher = DirectoryPublisher.to(SanyiTestInfrastructure.kafkaBootstrapServers())) {
            publisher.publishAs("referral-service", EventType.REFERRAL_REQUESTED, referral, requested);
            publisher.publishAs("referral-service", EventType.REFERRAL_ACCEPTED, referral, accepted);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(OTHER_COUNTY_HOSPITAL, TestTokens.HOSPITAL)
                .get("/v1/results/" + result)
                .then()
                .statusCode(200));
    }

    /** The fields the consumer reads, as the referral service writes them. */
    private static String event(String referral, String status, String result) {
        return "{\"referralId\":\"" + referral + "\",\"status\":\"" + status + "\",\"receiver\":{\"institutionCode\":\""
                + OTHER_COUNTY_HOSPITAL + "\",\"level\":\"SECONDARY\",\"countyCode\":\"350981\"},"
                + "\"attachedResultIds\":[\"" + result + "\"]}";
    }
}
