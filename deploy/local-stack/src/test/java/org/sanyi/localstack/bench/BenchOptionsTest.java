package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.localstack.UsageException;

class BenchOptionsTest {

    @Test
    void defaultsFitTheTargets() {
        BenchOptions options = BenchOptions.parse(List.of("referrals"));

        assertThat(options.rate()).isEqualTo(BenchTargets.TARGET_RATE).isEqualTo(500);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.concurrency()).isEqualTo(48);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        BenchOptions options = BenchOptions.parse(List.of(
                "referrals", "--rate", "500", "--duration=10", "--concurrency", "64", "--warmup", "0", "--profile"));

        assertThat(options).isEqualTo(new BenchOptions(500, Duration.ofSeconds(10), 64, Duration.ZERO, true));
        assertThat(BenchOptions.parse(List.of("referrals")).profile()).isFalse();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("referrals");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("directory")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("referrals");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("referrals", "--rate", "fast")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--rate must be a whole number from 1 to 5000");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("referrals", "--concurrency", "0")))
                .hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("referrals", "--threads", "4")))
                .hasMessageContaining("--threads");
    }
}
