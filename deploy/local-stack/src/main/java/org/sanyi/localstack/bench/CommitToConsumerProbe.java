package org.sanyi.localstack.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.sanyi.localstack.exchange.EventTap.ObservedEvent;

/**
 * Listens to the event tap and keeps, per referral, how long its {@code requested} event took from its creation
 * (CloudEvents {@code time}, set inside the committing transaction) to being read by an independent consumer.
 */
public final class CommitToConsumerProbe implements Consumer<ObservedEvent> {

    static final String REQUESTED_TYPE = "org.sanyi.referral.requested.v1";

    private final Map<String, Long> latencyMicrosByReferral = new ConcurrentHashMap<>();
    private final LongAdder duplicates = new LongAdder();

    @Override
    public void accept(ObservedEvent event) {
        if (!REQUESTED_TYPE.equals(event.ceType()) || event.ceTime() == null || event.key() == null) {
            return;
        }
        long micros = Duration.between(event.ceTime(), event.readAt()).toNanos() / 1000;
        // At-least-once delivery: a re-sent event keeps its first, truer latency.
        if (latencyMicrosByReferral.putIfAbsent(event.key(), micros) != null) {
            duplicates.increment();
        }
    }

    /** How many of {@code referralIds} have had their requested event read. */
    public long arrived(Collection<String> referralIds) {
        return referralIds.stream().filter(latencyMicrosByReferral::containsKey).count();
    }

    /** Waits until every requested event of {@code referralIds} was read; false when the timeout passed first. */
    public boolean awaitAll(Collection<String> referralIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrived(referralIds) < referralIds.size()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Commit-to-consumer latency of those of {@code referralIds} that arrived. */
    public LatencySummary latencyOf(Collection<String> referralIds) {
        LatencyHistogram histogram = new LatencyHistogram();
        referralIds.forEach(id -> {
            Long micros = latencyMicrosByReferral.get(id);
            if (micros != null) {
                histogram.recordMicros(micros);
            }
        });
        return histogram.summary();
    }

    /** Requested events read more than once (at-least-once redelivery). */
    public long duplicates() {
        return duplicates.sum();
    }
}
