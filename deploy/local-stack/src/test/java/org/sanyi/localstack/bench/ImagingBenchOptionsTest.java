package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.localstack.UsageException;

class ImagingBenchOptionsTest {

    @Test
    void defaultsFitTheTargets() {
        ImagingBenchOptions options = ImagingBenchOptions.parse(List.of("imaging"));

        assertThat(options.studies()).isEqualTo(2_000_000L).isEqualTo(BenchTargets.QIDO_STUDIES_STORED);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.concurrency()).isEqualTo(4);
        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.profile()).isFalse();
        // 200 searched persons, then 1,990,000 other studies at 8 per person.
        assertThat(options.persons()).isEqualTo(200 + 248_750);
    }

    @Test
    void readsEveryOption() {
        ImagingBenchOptions options = ImagingBenchOptions.parse(List.of(
                "imaging",
                "--studies",
                "20_000",
                "--duration=10",
                "--concurrency",
                "8",
                "--rate",
                "50",
                "--warmup",
                "0",
                "--profile"));

        assertThat(options)
                .isEqualTo(new ImagingBenchOptions(20_000, Duration.ofSeconds(10), 8, 50, Duration.ZERO, true));
        assertThat(ImagingBenchOptions.parse(List.of("imaging", "--studies=1,000,000"))
                        .studies())
                .isEqualTo(1_000_000);
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> ImagingBenchOptions.parse(List.of("pacs")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'referrals', 'results' and 'imaging'");
        assertThatThrownBy(() -> ImagingBenchOptions.parse(List.of("imaging", "--studies", "many")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--studies must be a whole number from 1000 to 5000000");
        assertThatThrownBy(() -> ImagingBenchOptions.parse(List.of("imaging", "--studies", "999")))
                .hasMessageContaining("--studies");
        assertThatThrownBy(() -> ImagingBenchOptions.parse(List.of("imaging", "--results", "10")))
                .hasMessageContaining("--results");
        assertThatThrownBy(() -> ImagingBenchOptions.parse(List.of("imaging", "--rate", "0")))
                .hasMessageContaining("--rate must be a whole number from 1 to 5000");
    }

    @Test
    void theLargestLoadLeavesNewPatientsForRegistration() {
        assertThat(ImagingBulkLoad.personsFor(ImagingBenchOptions.MAX_STUDIES))
                .isLessThan(SyntheticPersons.CAPACITY - 200_000);
    }
}
