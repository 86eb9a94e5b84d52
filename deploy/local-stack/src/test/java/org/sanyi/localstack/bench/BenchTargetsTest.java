package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchTargetsTest {

    private static PhaseResult phase(long created, Duration elapsed, double p99, Map<Integer, Long> failures) {
        return new PhaseResult(
                created,
                created,
                failures,
                elapsed,
                new LatencySummary(created, p99 / 2, p99 / 1.5, p99, p99 * 2, p99 / 2),
                LatencySummary.EMPTY,
                null);
    }

    @Test
    void judgesEachTarget() {
        PhaseResult fast = phase(48_000, Duration.ofSeconds(30), 80, Map.of());
        PhaseResult slow = phase(44_000, Duration.ofSeconds(30), 80, Map.of());

        assertThat(fast.createdPerSecond()).isEqualTo(1600.0);
        assertThat(BenchTargets.sustained(fast, 48).met()).isTrue();
        assertThat(BenchTargets.sustained(slow, 48).mark()).isEqualTo("MISS");
        assertThat(BenchTargets.createP99(phase(9000, Duration.ofSeconds(30), 25.0, Map.of()), 500)
                        .met())
                .isTrue();
        assertThat(BenchTargets.createP99(phase(9000, Duration.ofSeconds(30), 25.1, Map.of()), 500)
                        .met())
                .isFalse();
        assertThat(BenchTargets.commitToConsumerP99(new LatencySummary(10, 5, 8, 50, 300, 6), 500)
                        .met())
                .isTrue();
        assertThat(BenchTargets.commitToConsumerP99(LatencySummary.EMPTY, 500).measured())
                .isEqualTo("no events");
        assertThat(BenchTargets.everyEventArrived(9000, 9000).met()).isTrue();
        assertThat(BenchTargets.everyEventArrived(8999, 9000).met()).isFalse();
        assertThat(BenchTargets.atMost("server CPU per create", 0.99, 1.0, "ms").met())
                .isTrue();
        assertThat(BenchTargets.atMost("server CPU per create", 1.01, 1.0, "ms").met())
                .isFalse();
        assertThat(BenchTargets.atMost("RSS idle", Double.NaN, 200, "MB").measured())
                .isEqualTo("not measured");
        assertThat(BenchTargets.atMost("RSS idle", Double.NaN, 200, "MB").met()).isFalse();
    }

    @Test
    void failuresSpoilAPhaseEvenWhenItIsFast() {
        PhaseResult withErrors = phase(48_000, Duration.ofSeconds(30), 10, Map.of(500, 3L));

        assertThat(withErrors.failed()).isEqualTo(3);
        assertThat(BenchTargets.sustained(withErrors, 48).met()).isFalse();
        assertThat(BenchTargets.createP99(withErrors, 500).met()).isFalse();
    }

    @Test
    void rendersATableAndNotesAnotherRate() {
        String table = BenchTargets.render(
                List.of(
                        BenchTargets.sustained(phase(48_000, Duration.ofSeconds(30), 9, Map.of()), 48),
                        BenchTargets.everyEventArrived(1, 2)),
                200);

        assertThat(table)
                .contains("TARGET", "sustained creates/s (closed loop, 48 in flight)", ">= 1500/s", "1600/s", "PASS")
                .contains("1 of 2", "MISS")
                .contains("defined at 500/s; this run used --rate 200");
    }

    @Test
    void judgesTheResultTargetsWithTheStoredResults() {
        PhaseResult closed = phase(66_000, Duration.ofSeconds(30), 8, Map.of());
        PhaseResult open = phase(60_000, Duration.ofSeconds(30), 9.9, Map.of());
        PhaseResult batches = phase(200, Duration.ofSeconds(30), 900, Map.of());

        assertThat(BenchTargets.sustainedChecks(closed, 32, 10_000_000).met()).isTrue();
        assertThat(BenchTargets.sustainedChecks(closed, 32, 9_999_999).met())
                .as("too few results stored")
                .isFalse();
        assertThat(BenchTargets.sustainedChecks(phase(59_000, Duration.ofSeconds(30), 8, Map.of()), 32, 10_000_000)
                        .met())
                .isFalse();
        assertThat(BenchTargets.checkP99(open, 2000, 10_000_000).met()).isTrue();
        assertThat(BenchTargets.checkP99(phase(60_000, Duration.ofSeconds(30), 10.1, Map.of()), 2000, 10_000_000)
                        .met())
                .isFalse();
        assertThat(BenchTargets.checkP99(open, 2000, 10_000_000).goal())
                .isEqualTo("<= 10 ms at 2000/s with 10.0M results");
        // 200 batches of 500 in 30 s: 3333 results/s.
        assertThat(BenchTargets.publishing(batches, 500, 4).measured()).isEqualTo("3333/s");
        assertThat(BenchTargets.publishing(batches, 500, 4).met()).isTrue();
        assertThat(BenchTargets.publishing(phase(179, Duration.ofSeconds(30), 900, Map.of()), 500, 4)
                        .met())
                .isFalse();
        assertThat(BenchTargets.publishing(phase(200, Duration.ofSeconds(30), 900, Map.of(422, 1L)), 500, 4)
                        .met())
                .isFalse();
        assertThat(BenchTargets.render(List.of(BenchTargets.checkP99(open, 2000, 500_000))))
                .contains("500k results", "MISS")
                .doesNotContain("--rate");
    }

    @Test
    void judgesTheImagingTargetsWithTheIndexSize() {
        PhaseResult open = phase(3_000, Duration.ofSeconds(30), 19.9, Map.of());
        PhaseResult batches = phase(120, Duration.ofSeconds(30), 900, Map.of());

        assertThat(BenchTargets.qidoP99(open, 100, 2_000_000, 50).met()).isTrue();
        assertThat(BenchTargets.qidoP99(open, 100, 2_000_000, 50).goal())
                .isEqualTo("< 20 ms with 2.0M studies, 50 per patient");
        assertThat(BenchTargets.qidoP99(open, 100, 1_999_999, 50).met())
                .as("too few studies indexed")
                .isFalse();
        assertThat(BenchTargets.qidoP99(open, 100, 2_000_000, 49).met())
                .as("too few studies per patient")
                .isFalse();
        assertThat(BenchTargets.qidoP99(phase(3_000, Duration.ofSeconds(30), 20, Map.of()), 100, 2_000_000, 50)
                        .met())
                .as("under 20 ms, not at 20")
                .isFalse();
        assertThat(BenchTargets.qidoP99(phase(3_000, Duration.ofSeconds(30), 5, Map.of(403, 1L)), 100, 2_000_000, 50)
                        .met())
                .as("a refused search fails the phase")
                .isFalse();
        // 120 batches of 500 in 30 s: 2000 studies/s.
        assertThat(BenchTargets.registration(batches, 500, 4).measured()).isEqualTo("2000/s");
        assertThat(BenchTargets.registration(batches, 500, 4).met()).isTrue();
        assertThat(BenchTargets.registration(phase(119, Duration.ofSeconds(30), 900, Map.of()), 500, 4)
                        .met())
                .isFalse();
        assertThat(BenchTargets.render(List.of(BenchTargets.qidoP99(open, 100, 500_000, 50))))
                .contains("500k studies", "MISS");
    }
}
