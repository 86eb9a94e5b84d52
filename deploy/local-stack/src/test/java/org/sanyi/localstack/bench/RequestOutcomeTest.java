package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RequestOutcomeTest {

    @Test
    void theExpectedStatusSucceedsAndTheLocationNamesWhatWasCreated() {
        RequestOutcome created = RequestOutcome.of(new LoadClient.Answer(201, "/v1/referrals/abc", null), 201, true);
        RequestOutcome published = RequestOutcome.of(new LoadClient.Answer(200, null, null), 200, false);

        assertThat(created).isEqualTo(RequestOutcome.success(201, "abc"));
        assertThat(published.succeeded()).isTrue();
        assertThat(published.id()).isNull();
    }

    @Test
    void otherAnswersFailWithWhatTheServiceSaid() {
        RequestOutcome withoutLocation = RequestOutcome.of(new LoadClient.Answer(201, null, null), 201, true);
        RequestOutcome refused = RequestOutcome.of(new LoadClient.Answer(422, null, "x".repeat(400)), 201, true);
        RequestOutcome noAnswer = RequestOutcome.failed(new RuntimeException(new IOException("reset")));

        assertThat(withoutLocation.succeeded()).isFalse();
        assertThat(withoutLocation.failure()).isEqualTo("201 without Location");
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.failure()).hasSize(301).endsWith("…");
        assertThat(noAnswer.status()).isEqualTo(-1);
        assertThat(noAnswer.failure()).isEqualTo("IOException: reset");
    }
}
