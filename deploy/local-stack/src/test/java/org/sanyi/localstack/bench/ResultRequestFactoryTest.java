package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanyi.kernel.ResidentIdNumber;
import org.sanyi.localstack.exchange.ExchangeClient;

class ResultRequestFactoryTest {

    private final ResultRequestFactory factory = new ResultRequestFactory(1000, "run1");

    @Test
    void aCheckAsksForTwoDistinctItemsOfABulkLoadedPerson() throws Exception {
        for (int i = 0; i < 200; i++) {
            ResultRequestFactory.Planned planned = factory.nextCheck();
            JsonNode body = ExchangeClient.JSON.readTree(planned.body());

            assertThat(ResultRequestFactory.ORDERERS).contains(planned.institution());
            JsonNode identifier = body.path("patient").path("identifiers").get(0);
            assertThat(identifier.path("system").asText()).isEqualTo("urn:sanyi:id:cn-resident-id");
            ResidentIdNumber.parse(identifier.path("value").asText());
            assertThat(body.path("itemCodes")).hasSize(2);
            String first = body.path("itemCodes").get(0).asText();
            String second = body.path("itemCodes").get(1).asText();
            assertThat(first).isNotEqualTo(second);
            assertThat(ResultBulkLoad.ITEMS).contains(first, second);
            assertThat(body.path("clinicalContext").asText()).isIn("ROUTINE", "PRE_OPERATIVE", "EMERGENCY");
        }
    }

    @Test
    void aBatchHoldsValidResultsWithUniqueReportsNeverInTheFuture() throws Exception {
        Instant now = Instant.now();
        Set<String> reports = new HashSet<>();
        for (int b = 0; b < 3; b++) {
            ResultRequestFactory.Planned planned = factory.nextBatch(500, now);
            JsonNode results = ExchangeClient.JSON.readTree(planned.body()).path("results");

            assertThat(results).hasSize(500);
            assertThat(ResultRequestFactory.PUBLISHERS).contains(planned.institution());
            for (JsonNode result : results) {
                assertThat(reports.add(result.path("reportId").asText())).isTrue();
                assertThat(result.path("reportId").asText()).matches("[\\x21-\\x7E]{1,64}");
                Instant specimen = Instant.parse(result.path("specimenAt").asText());
                Instant reported = Instant.parse(result.path("reportedAt").asText());
                assertThat(specimen).isBefore(reported);
                assertThat(reported).isBefore(now);
                assertThat(result.path("itemCode").asText()).isEqualTo("LAB-CBC");
                JsonNode wbc = result.path("observations").get(0);
                assertThat(wbc.path("analyte").asText()).isEqualTo("WBC");
                assertThat(wbc.path("value").asDouble()).isBetween(4.0, 9.9);
                assertThat(result.path("observations")).hasSize(3);
                ResidentIdNumber.parse(result.path("patient")
                        .path("identifiers")
                        .get(0)
                        .path("value")
                        .asText());
            }
        }
        assertThat(reports).hasSize(1500);
    }

    @Test
    void refusesWhatWouldMakeInvalidRequests() {
        assertThatThrownBy(() -> new ResultRequestFactory(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultRequestFactory(10, "with space"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
