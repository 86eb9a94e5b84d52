package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesOfAUniformSpread() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int millis = 1; millis <= 1000; millis++) {
            histogram.recordNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        }

        LatencySummary summary = histogram.summary();

        // Three significant digits: within 0.1 %.
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isCloseTo(500, within(0.5));
        assertThat(summary.p90()).isCloseTo(900, within(1.0));
        assertThat(summary.p99()).isCloseTo(990, within(1.0));
        assertThat(summary.max()).isCloseTo(1000, within(1.0));
        assertThat(summary.mean()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void aFewSlowRequestsShowInP99NotInTheMedian() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 980; i++) {
            histogram.recordMicros(2_000);
        }
        for (int i = 0; i < 20; i++) {
            histogram.recordMicros(120_000);
        }

        LatencySummary summary = histogram.summary();

        assertThat(summary.p50()).isCloseTo(2.0, within(0.01));
        assertThat(summary.p90()).isCloseTo(2.0, within(0.01));
        assertThat(summary.p99()).isCloseTo(120.0, within(0.1));
    }

    @Test
    void clampsOutOfRangeValues() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordMicros(-5);
        histogram.recordMicros(TimeUnit.MINUTES.toMicros(10));

        LatencySummary summary = histogram.summary();

        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.max()).isCloseTo(60_000, within(60.0));
    }

    @Test
    void describesItselfReadably() {
        assertThat(new LatencyHistogram().summary().describe()).isEqualTo("no samples");
        assertThat(new LatencySummary(9000, 4.123, 7.9, 15.24, 1204.4, 5.0).describe())
                .isEqualTo("p50 4.12 ms  p90 7.90 ms  p99 15.2 ms  max 1204 ms  mean 5.00 ms  (n=9000)");
    }
}
