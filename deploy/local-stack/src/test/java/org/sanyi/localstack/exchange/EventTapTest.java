package org.sanyi.localstack.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sanyi.localstack.exchange.EventTap.ObservedEvent;

class EventTapTest {

    @Test
    void readsCloudEventsTimeWithAnyPrecisionAndOffset() {
        assertThat(EventTap.parseTime("2026-03-02T01:15:04.120331Z"))
                .isEqualTo(Instant.parse("2026-03-02T01:15:04.120331Z"));
        assertThat(EventTap.parseTime("2026-03-02T09:15:04+08:00")).isEqualTo(Instant.parse("2026-03-02T01:15:04Z"));
        assertThat(EventTap.parseTime("")).isNull();
        assertThat(EventTap.parseTime("yesterday")).isNull();
    }

    @Test
    void namesTheStepAndParsesTheData() {
        ObservedEvent event = new ObservedEvent(
                "3f0c1a52",
                "org.sanyi.referral.requested.v1",
                "id",
                Instant.EPOCH,
                Instant.EPOCH,
                0,
                0,
                "{\"status\":\"REQUESTED\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(event.step()).isEqualTo("requested");
        assertThat(event.json().path("status").asText()).isEqualTo("REQUESTED");
        assertThat(new ObservedEvent("k", "t", "i", null, null, 0, 0, new byte[] {'{'})
                        .json()
                        .isMissingNode())
                .isTrue();
    }
}
