package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanyi.kernel.Identifier;
import org.sanyi.kernel.PatientIdentifiers;
import org.sanyi.localstack.exchange.ExchangeClient;

class ReferralRequestFactoryTest {

    @Test
    void everyRequestHasADistinctValidPatientAndAUniqueKey() throws Exception {
        ReferralRequestFactory factory = new ReferralRequestFactory(1_700_000_000L);
        Set<String> patients = new HashSet<>();
        Set<String> keys = new HashSet<>();
        int requests = 5_000;
        for (int i = 0; i < requests; i++) {
            ReferralRequestFactory.PlannedCreate planned = factory.next();
            JsonNode body = ExchangeClient.JSON.readTree(planned.body());
            JsonNode identifier = body.path("patient").path("identifier");
            // The services' own normalisation accepts the number unchanged.
            assertThat(PatientIdentifiers.normalise(new Identifier(
                                    identifier.path("system").asText(),
                                    identifier.path("value").asText()))
                            .value())
                    .isEqualTo(identifier.path("value").asText());
            patients.add(identifier.path("value").asText());
            keys.add(planned.idempotencyKey());
        }

        assertThat(patients).hasSize(requests);
        assertThat(keys).hasSize(requests);
    }

    @Test
    void mixesDirectionsOverTheSeedPairs() throws Exception {
        ReferralRequestFactory factory = new ReferralRequestFactory(0);
        Map<String, Integer> byDirection = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ReferralRequestFactory.PlannedCreate planned = factory.next();
            JsonNode body = ExchangeClient.JSON.readTree(planned.body());
            byDirection.merge(planned.direction(), 1, Integer::sum);
            pairs.add(planned.sender() + ">" + planned.receiver());
            assertThat(body.path("receiverInstitution").asText()).isEqualTo(planned.receiver());
            assertThat(body.has("sender"))
                    .as("the sender is the caller, never in the body")
                    .isFalse();
            if (planned.direction().equals("DOWNWARD")) {
                assertThat(body.path("downReferralIndication").asText()).isNotEmpty();
                assertThat(body.path("dischargeMedications")).hasSize(1);
            } else {
                assertThat(body.has("downReferralIndication")).isFalse();
            }
            assertThat(body.path("diagnosis").path("code").asText()).matches("[A-Z][0-9]{2}(\\.[0-9])?");
        }

        assertThat(pairs).hasSize(ReferralRequestFactory.routeCount());
        assertThat(byDirection)
                .containsEntry("UPWARD", 50)
                .containsEntry("DOWNWARD", 30)
                .containsEntry("LATERAL", 20);
    }

    @Test
    void aRegionHasOverAHundredThousandDistinctPatientsAllValid() {
        long range = ReferralRequestFactory.DISTINCT_PATIENTS_PER_REGION;

        assertThat(range).isGreaterThan(100_000);
        assertThat(ReferralRequestFactory.residentId("350921", 0)).isEqualTo("350921193001019964");
        String last = ReferralRequestFactory.residentId("350921", range - 1);
        assertThat(last).startsWith("35092120051230999");
        assertThat(PatientIdentifiers.normalise(new Identifier(ReferralRequestFactory.RESIDENT_ID_SYSTEM, last))
                        .value())
                .isEqualTo(last);
    }
}
