package org.sanyi.localstack.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/** The two ways of loading a service: as fast as it answers, and at a fixed rate; with any {@link LoadRequests}. */
public final class LoadPhases {

    /** An open-loop phase waits this long at most for the answers still in flight when sending stops. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private LoadPhases() {}

    /**
     * Closed loop: {@code concurrency} requests in flight at all times, each followed at once by the next, until
     * {@code duration} has passed. Measures the highest sustained rate.
     */
    public static PhaseResult closedLoop(
            LoadRequests creator, int concurrency, Duration duration, Consumer<String> onCreated)
            throws InterruptedException {
        Tally tally = new Tally(onCreated);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            sendUntil(creator, deadline, tally, finished);
        }
        if (!finished.await(duration.toMillis() + DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "requests still unanswered " + DRAIN_TIMEOUT.toSeconds() + " s after the closed-loop phase ended");
        }
        return tally.result(Duration.ofNanos(tally.lastAnswerNanos.get() - start), LatencySummary.EMPTY);
    }

    private static void sendUntil(LoadRequests creator, long deadline, Tally tally, CountDownLatch finished) {
        long sentAt = System.nanoTime();
        if (sentAt >= deadline) {
            finished.countDown();
            return;
        }
        tally.sent.increment();
        creator.sendNext().whenComplete((outcome, error) -> {
            tally.answered(outcome, System.nanoTime(), sentAt);
            sendUntil(creator, deadline, tally, finished);
        });
    }

    /**
     * Open loop: request i is due at start + i / rate, whether or not earlier ones were answered. Latency counts from
     * the due time, so a stall of the service or of this client shows up in the figures instead of silently
     * lowering the rate (coordinated omission).
     *
     * <p>At most {@code maxInFlight} requests are outstanding, like a hospital system with a pool of keep-alive
     * connections: without a bound the JDK client opens a new connection whenever none is free, and a short stall
     * turns into hundreds of connection set-ups that the 2-core stack then has to serve. A request due while the
     * pool is busy waits, and that wait is part of its latency.
     */
    public static PhaseResult openLoop(
            LoadRequests creator, int rate, Duration duration, int maxInFlight, Consumer<String> onCreated)
            throws InterruptedException {
        Tally tally = new Tally(onCreated);
        LatencyHistogram sendLag = new LatencyHistogram();
        long total = Math.max(1, Math.round(rate * (duration.toNanos() / 1e9)));
        double intervalNanos = 1e9 / rate;
        Phaser inFlight = new Phaser(1);
        Semaphore connections = new Semaphore(maxInFlight);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * intervalNanos);
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            connections.acquire();
            sendLag.recordNanos(System.nanoTime() - due);
            tally.sent.increment();
            inFlight.register();
            creator.sendNext().whenComplete((outcome, error) -> {
                tally.answered(outcome, System.nanoTime(), due);
                connections.release();
                inFlight.arriveAndDeregister();
            });
        }
        try {
            inFlight.awaitAdvanceInterruptibly(inFlight.arrive(), DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "requests still unanswered " + DRAIN_TIMEOUT.toSeconds() + " s after the open-loop phase ended");
        }
        return tally.result(Duration.ofNanos(tally.lastAnswerNanos.get() - start), sendLag.summary());
    }

    /** Counts and latencies of one phase, updated from the HTTP client's threads. */
    private static final class Tally {
        final LongAdder sent = new LongAdder();
        final LongAdder created = new LongAdder();
        final Map<Integer, LongAdder> failures = new ConcurrentHashMap<>();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        final AtomicLong lastAnswerNanos = new AtomicLong();
        final LatencyHistogram latency = new LatencyHistogram();
        final Consumer<String> onCreated;

        Tally(Consumer<String> onCreated) {
            this.onCreated = onCreated;
        }

        void answered(RequestOutcome outcome, long answeredAt, long latencyFrom) {
            latency.recordNanos(answeredAt - latencyFrom);
            lastAnswerNanos.accumulateAndGet(answeredAt, Math::max);
            if (outcome != null && outcome.succeeded()) {
                created.increment();
                if (outcome.id() != null) {
                    onCreated.accept(outcome.id());
                }
            } else {
                int status = outcome == null ? -1 : outcome.status();
                failures.computeIfAbsent(status, s -> new LongAdder()).increment();
                firstFailure.compareAndSet(null, outcome == null ? "no outcome" : status + " " + outcome.failure());
            }
        }

        PhaseResult result(Duration elapsed, LatencySummary sendLag) {
            Map<Integer, Long> failuresByStatus = new java.util.TreeMap<>();
            failures.forEach((status, count) -> failuresByStatus.put(status, count.sum()));
            return new PhaseResult(
                    sent.sum(),
                    created.sum(),
                    failuresByStatus,
                    elapsed,
                    latency.summary(),
                    sendLag,
                    firstFailure.get());
        }
    }
}
