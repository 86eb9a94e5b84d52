package org.sanyi.localstack.bench;

import java.util.Locale;

/** Percentiles of one latency distribution, in milliseconds. */
public record LatencySummary(long count, double p50, double p90, double p99, double max, double mean) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    /** E.g. {@code p50 4.1 ms  p90 7.9 ms  p99 15.2 ms  max 40.1 ms  (n=9000)}. */
    public String describe() {
        if (count == 0) {
            return "no samples";
        }
        return String.format(
                Locale.ROOT,
                "p50 %s  p90 %s  p99 %s  max %s  mean %s  (n=%d)",
                ms(p50),
                ms(p90),
                ms(p99),
                ms(max),
                ms(mean),
                count);
    }

    /** Milliseconds with precision that suits the size: 0.84 ms, 12.3 ms, 1204 ms. */
    public static String ms(double millis) {
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f ms", millis);
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }
}
