package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.localstack.UsageException;

class ResultBenchOptionsTest {

    @Test
    void defaultsFitTheTargets() {
        ResultBenchOptions options = ResultBenchOptions.parse(List.of("results"));

        assertThat(options.results()).isEqualTo(10_000_000L).isEqualTo(BenchTargets.CHECK_RESULTS_STORED);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.concurrency()).isEqualTo(32);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.persons()).isEqualTo(100_000);
    }

    @Test
    void readsEveryOptionInBothSpellingsAndNumbersWithSeparators() {
        ResultBenchOptions options = ResultBenchOptions.parse(
                List.of("results", "--results", "2_000_000", "--duration=10", "--concurrency", "8", "--warmup", "0"));

        assertThat(options).isEqualTo(new ResultBenchOptions(2_000_000, Duration.ofSeconds(10), 8, Duration.ZERO));
        assertThat(ResultBenchOptions.parse(List.of("results", "--results=1,000,000"))
                        .results())
                .isEqualTo(1_000_000);
        assertThat(ResultBenchOptions.parse(List.of("results", "--results", "150"))
                        .persons())
                .as("rounded up")
                .isEqualTo(2);
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> ResultBenchOptions.parse(List.of("referrals")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'referrals', 'results' and 'imaging'");
        assertThatThrownBy(() -> ResultBenchOptions.parse(List.of("results", "--results", "many")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--results must be a whole number from 100 to");
        assertThatThrownBy(() -> ResultBenchOptions.parse(List.of("results", "--results", "99")))
                .hasMessageContaining("--results");
        assertThatThrownBy(() -> ResultBenchOptions.parse(
                        List.of("results", "--results", Long.toString(ResultBenchOptions.MAX_RESULTS + 1))))
                .hasMessageContaining("--results");
        assertThatThrownBy(() -> ResultBenchOptions.parse(List.of("results", "--rate", "2000")))
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> ResultBenchOptions.parse(List.of("results", "--concurrency", "0")))
                .hasMessageContaining("--concurrency must be a whole number from 1 to 1024");
    }

    @Test
    void theReferralScenarioNamesBoth() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("orders")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'referrals', 'results' and 'imaging'");
    }
}
