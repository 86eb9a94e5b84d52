package org.sanyi.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.sanyi.referral.DirectoryFixture.STATISTICS_CLINIC;
import static org.sanyi.referral.DirectoryFixture.STATISTICS_HOSPITAL;
import static org.sanyi.referral.Referrals.accept;
import static org.sanyi.referral.Referrals.arrive;
import static org.sanyi.referral.Referrals.as;
import static org.sanyi.referral.Referrals.asHospital;
import static org.sanyi.referral.Referrals.cancel;
import static org.sanyi.referral.Referrals.complete;
import static org.sanyi.referral.Referrals.reject;
import static org.sanyi.referral.Referrals.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.SanyiTestInfrastructure;
import org.sanyi.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralStatisticsTest extends ReferralTestBase {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void theFiguresMatchTheReferralsCreated() throws Exception {
        // Four upward referrals from a grassroots clinic to a tertiary hospital in another city, one downward back.
        String completed = upward("I21.900");
        review(STATISTICS_CLINIC, completed).statusCode(200);
        accept(STATISTICS_HOSPITAL, completed).statusCode(200);
        arrive(STATISTICS_HOSPITAL, completed).statusCode(200);
        complete(STATISTICS_HOSPITAL, completed).statusCode(200);

        String accepted = upward("I21.000");
        review(STATISTICS_CLINIC, accepted).statusCode(200);
        accept(STATISTICS_HOSPITAL, accepted).statusCode(200);

        String rejected = upward("J18.900");
        review(STATISTICS_CLINIC, rejected).statusCode(200);
        reject(STATISTICS_HOSPITAL, rejected).statusCode(200);

        ObjectNode greenChannel = Referrals.body(STATISTICS_HOSPITAL);
        greenChannel.put("urgency", "GREEN_CHANNEL");
        ((ObjectNode) greenChannel.get("diagnosis")).put("code", "I21.400");
        String urgent = Referrals.create(STATISTICS_CLINIC, greenChannel);
        accept(STATISTICS_HOSPITAL, urgent).statusCode(200);

        ObjectNode back = Referrals.body(STATISTICS_CLINIC);
        back.put("downReferralIndication", "RECOVERY_PHASE");
        ((ObjectNode) back.get("diagnosis")).put("code", "I63.900");
        String downward = Referrals.create(STATISTICS_HOSPITAL, back);
        cancel(STATISTICS_HOSPITAL, downward).statusCode(200);

        List<Double> secondsToAcceptance = new ArrayList<>();
        for (String id : List.of(completed, accepted, urgent)) {
            JsonNode timeline = mapper.readTree(asHospital(STATISTICS_CLINIC)
                            .get("/v1/referrals/{id}", id)
                            .asString())
                    .path("timeline");
            Duration wait = Duration.between(
                    Instant.parse(timeline.path("requestedAt").asText()),
                    Instant.parse(timeline.path("acceptedAt").asText()));
            secondsToAcceptance.add(wait.toNanos() / 1e9);
        }
        double expectedMedian = secondsToAcceptance.stream().sorted().toList().get(1);

        LocalDate today = LocalDate.now(CHINA);
        JsonNode statistics = mapper.readTree(as(DirectoryFixture.REGULATOR, TestTokens.REGULATOR)
                .queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString())
                .queryParam("institution", STATISTICS_CLINIC)
                .get("/v1/referrals/statistics")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(statistics.path("requested").asLong()).isEqualTo(5);
        assertThat(statistics.path("byDirection").toString()).isEqualTo("{\"upward\":4,\"downward\":1,\"lateral\":0}");
        JsonNode outcomes = statistics.path("outcomes");
        assertThat(outcomes.path("reviewed").asLong()).isEqualTo(3);
        assertThat(outcomes.path("accepted").asLong()).isEqualTo(3);
        assertThat(outcomes.path("rejected").asLong()).isEqualTo(1);
        assertThat(outcomes.path("arrived").asLong()).isEqualTo(1);
        assertThat(outcomes.path("completed").asLong()).isEqualTo(1);
        assertThat(outcomes.path("cancelled").asLong()).isEqualTo(1);
        assertThat(outcomes.path("expired").asLong()).isZero();
        assertThat(outcomes.path("awaitingAnswer").asLong()).isZero();
        assertThat(statistics.path("acceptanceRate").asDouble()).isEqualTo(0.75);
        assertThat(statistics.path("completionRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(statistics.path("medianSecondsToAcceptance").asDouble()).isCloseTo(expectedMedian, within(1e-6));
        assertThat(Duration.parse(statistics.path("medianTimeToAcceptance").asText())
                        .toMillis())
                .isEqualTo(Math.round(expectedMedian * 1000));

        JsonNode flags = statistics.path("flags");
        assertThat(flags.path("properReferral").asLong()).isEqualTo(5);
        assertThat(flags.path("outOfCounty").asLong()).isEqualTo(5);
        assertThat(flags.path("outOfCity").asLong()).isEqualTo(5);
        assertThat(flags.path("greenChannel").asLong()).isEqualTo(1);
        assertThat(flags.path("sameGroupEpisode").asLong()).isZero();

        assertThat(statistics.path("bySenderReceiver").toString())
                .isEqualTo("[{\"senderInstitution\":\"" + STATISTICS_CLINIC + "\",\"receiverInstitution\":\""
                        + STATISTICS_HOSPITAL + "\",\"direction\":\"UPWARD\",\"total\":4,\"accepted\":3,"
                        + "\"completed\":1},{\"senderInstitution\":\"" + STATISTICS_HOSPITAL
                        + "\",\"receiverInstitution\":\"" + STATISTICS_CLINIC + "\",\"direction\":\"DOWNWARD\","
                        + "\"total\":1,\"accepted\":0,\"completed\":0}]");
        assertThat(statistics.path("byMonth").toString())
                .isEqualTo("[{\"month\":\"" + YearMonth.now(CHINA)
                        + "\",\"total\":5,\"upward\":4,\"downward\":1,\"lateral\":0}]");
        assertThat(statistics.path("outOfCountyByDiagnosis").toString())
                .isEqualTo("[{\"diagnosisCategory\":\"I21\",\"total\":3},{\"diagnosisCategory\":\"I63\",\"total\":1},"
                        + "{\"diagnosisCategory\":\"J18\",\"total\":1}]");
    }

    @Test
    void onlyRegulatorsAndAdministratorsSeeStatistics() {
        as(DirectoryFixture.REGULATOR, TestTokens.REGULATOR)
                .get("/v1/referrals/statistics")
                .then()
                .statusCode(200)
                .body("zone", equalTo("Asia/Shanghai"));
        as(DirectoryFixture.OPERATOR, TestTokens.PLATFORM_ADMIN)
                .get("/v1/referrals/statistics")
                .then()
                .statusCode(200);
        asHospital(DirectoryFixture.COUNTY_HOSPITAL)
                .get("/v1/referrals/statistics")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(DirectoryFixture.INSURER, TestTokens.INSURER)
                .get("/v1/referrals/statistics")
                .then()
                .statusCode(403);
    }

    @Test
    void badPeriodsAreNamed() {
        as(DirectoryFixture.REGULATOR, TestTokens.REGULATOR)
                .queryParam("from", "2026-13-01")
                .get("/v1/referrals/statistics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(DirectoryFixture.REGULATOR, TestTokens.REGULATOR)
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-01")
                .get("/v1/referrals/statistics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    private String upward(String diagnosis) {
        ObjectNode body = Referrals.body(STATISTICS_HOSPITAL);
        ((ObjectNode) body.get("diagnosis")).put("code", diagnosis);
        return Referrals.create(STATISTICS_CLINIC, body);
    }
}
