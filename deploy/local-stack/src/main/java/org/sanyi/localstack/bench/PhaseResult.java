package org.sanyi.localstack.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load phase did.
 *
 * @param sent requests sent
 * @param created requests that succeeded (for referrals and checks: 201 Created; for batches: 200)
 * @param failuresByStatus other answers by HTTP status; -1 for no answer
 * @param elapsed from the first send to the last answer
 * @param latency from the (intended) send to the complete answer
 * @param sendLag open loop only: how late the client sent against its schedule
 * @param firstFailure the first failure's problem body or error, or null
 */
public record PhaseResult(
        long sent,
        long created,
        Map<Integer, Long> failuresByStatus,
        Duration elapsed,
        LatencySummary latency,
        LatencySummary sendLag,
        String firstFailure) {

    public PhaseResult {
        failuresByStatus = new TreeMap<>(failuresByStatus);
    }

    public double createdPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : created / seconds;
    }

    public long failed() {
        return failuresByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
