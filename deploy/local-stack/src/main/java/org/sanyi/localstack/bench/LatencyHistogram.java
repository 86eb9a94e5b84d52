package org.sanyi.localstack.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds, recorded from any thread, with three significant digits (HdrHistogram): percentiles
 * without keeping every sample. Values above one minute count as one minute.
 */
public final class LatencyHistogram {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Histogram histogram = new ConcurrentHistogram(HIGHEST_MICROS, 3);

    public void recordNanos(long nanos) {
        recordMicros(TimeUnit.NANOSECONDS.toMicros(nanos));
    }

    public void recordMicros(long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }

    public LatencySummary summary() {
        Histogram copy = histogram.copy();
        if (copy.getTotalCount() == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(
                copy.getTotalCount(),
                millis(copy.getValueAtPercentile(50)),
                millis(copy.getValueAtPercentile(90)),
                millis(copy.getValueAtPercentile(99)),
                millis(copy.getMaxValue()),
                copy.getMean() / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
