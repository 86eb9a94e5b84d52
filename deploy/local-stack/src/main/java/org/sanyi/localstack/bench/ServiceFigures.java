package org.sanyi.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A service's own view of a phase, from two scrapes of {@code /q/metrics}: time spent serving the loaded endpoint,
 * garbage collection, heap, and the outbox relay's commit-to-publish timer. Tells the service's share of the
 * latency from the client's and the infrastructure's.
 */
public final class ServiceFigures {

    /**
     * The endpoint a phase loads.
     *
     * @param service e.g. {@code referral-service}
     * @param uri the route as the service's metrics name it, e.g. {@code /v1/referrals}
     * @param requests what one request is, plural, for the report: {@code creates}, {@code checks}
     */
    public record Endpoint(String service, String method, String uri, String requests) {

        Map<String, String> labels() {
            return Map.of("method", method, "uri", uri);
        }
    }

    public static final Endpoint REFERRAL_CREATES =
            new Endpoint("referral-service", "POST", "/v1/referrals", "creates");

    static final Map<String, String> CREATES = REFERRAL_CREATES.labels();

    /** Cores that processes outside the stack may use before a phase counts as disturbed. */
    static final double DISTURBING_CORES = 0.25;

    private ServiceFigures() {}

    /**
     * Warnings when something besides this bench shaped a phase: another client sending creates to the same service,
     * a restart of the service, or busy processes outside the stack. On a shared machine such figures mislead.
     */
    public static List<String> interference(
            PrometheusSamples before, PrometheusSamples after, long sent, double otherProcessCores) {
        return interference(REFERRAL_CREATES, before, after, sent, otherProcessCores);
    }

    /** {@link #interference(PrometheusSamples, PrometheusSamples, long, double)} of another endpoint. */
    public static List<String> interference(
            Endpoint endpoint, PrometheusSamples before, PrometheusSamples after, long sent, double otherProcessCores) {
        List<String> warnings = new ArrayList<>();
        OptionalDouble startedBefore = before.sum("process_start_time_seconds");
        OptionalDouble startedAfter = after.sum("process_start_time_seconds");
        if (startedBefore.isPresent()
                && startedAfter.isPresent()
                && startedBefore.getAsDouble() != startedAfter.getAsDouble()) {
            warnings.add(
                    "WARNING: " + endpoint.service() + " restarted during the phase; its figures are not comparable");
        } else {
            OptionalDouble served =
                    after.increaseSince(before, "http_server_requests_seconds_count", endpoint.labels());
            if (served.isPresent() && served.getAsDouble() > sent + Math.max(10, sent * 0.02)) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "WARNING: the service answered %.0f %s, this bench sent %d: another client was loading it,"
                                + " so these figures are not clean",
                        served.getAsDouble(),
                        endpoint.requests(),
                        sent));
            }
        }
        if (otherProcessCores > DISTURBING_CORES) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "WARNING: processes outside the stack used %.2f cores during the phase (builds, tests?); the"
                            + " stack had less CPU than the machine has",
                    otherProcessCores));
        }
        return warnings;
    }

    public static List<String> describe(PrometheusSamples before, PrometheusSamples after, double phaseSeconds) {
        return describe(REFERRAL_CREATES, before, after, phaseSeconds);
    }

    /** {@link #describe(PrometheusSamples, PrometheusSamples, double)} of another endpoint. */
    public static List<String> describe(
            Endpoint endpoint, PrometheusSamples before, PrometheusSamples after, double phaseSeconds) {
        List<String> lines = new ArrayList<>();
        OptionalDouble count = after.increaseSince(before, "http_server_requests_seconds_count", endpoint.labels());
        OptionalDouble sum = after.increaseSince(before, "http_server_requests_seconds_sum", endpoint.labels());
        if (count.isPresent() && sum.isPresent() && count.getAsDouble() > 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "server time of %s %s: mean %s over %.0f requests (from accepting the request to"
                            + " writing the answer)",
                    endpoint.method(),
                    endpoint.uri(),
                    LatencySummary.ms(sum.getAsDouble() / count.getAsDouble() * 1000),
                    count.getAsDouble()));
        }
        OptionalDouble pauses = after.increaseSince(before, "jvm_gc_pause_seconds_count", Map.of());
        OptionalDouble paused = after.increaseSince(before, "jvm_gc_pause_seconds_sum", Map.of());
        OptionalDouble heapUsed = after.sum("jvm_memory_used_bytes", Map.of("area", "heap"));
        OptionalDouble heapMax = after.sum("jvm_memory_max_bytes", Map.of("area", "heap"));
        if (pauses.isPresent() && paused.isPresent()) {
            String heap = heapUsed.isPresent() && heapMax.isPresent()
                    ? String.format(
                            Locale.ROOT,
                            "; heap %.0f of %.0f MiB in use at the end",
                            heapUsed.getAsDouble() / (1 << 20),
                            heapMax.getAsDouble() / (1 << 20))
                    : "";
            lines.add(String.format(
                    Locale.ROOT,
                    "GC: %.0f pauses, %s in total (%.1f%% of the phase)%s",
                    pauses.getAsDouble(),
                    LatencySummary.ms(paused.getAsDouble() * 1000),
                    phaseSeconds > 0 ? paused.getAsDouble() / phaseSeconds * 100 : 0,
                    heap));
        }
        String timer = "sanyi_outbox_commit_to_publish_seconds";
        OptionalDouble published = after.increaseSince(before, timer + "_count", Map.of());
        OptionalDouble publishSum = after.increaseSince(before, timer + "_sum", Map.of());
        OptionalDouble p50 = after.sum(timer, Map.of("quantile", "0.5"));
        OptionalDouble p99 = after.sum(timer, Map.of("quantile", "0.99"));
        OptionalDouble max = after.sum(timer + "_max", Map.of());
        if (published.isPresent() && publishSum.isPresent() && published.getAsDouble() > 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "outbox commit-to-publish (relay's timer): mean %s over %.0f events; recent p50 %s, p99 %s,"
                            + " max %s",
                    LatencySummary.ms(publishSum.getAsDouble() / published.getAsDouble() * 1000),
                    published.getAsDouble(),
                    p50.isPresent() ? LatencySummary.ms(p50.getAsDouble() * 1000) : "?",
                    p99.isPresent() ? LatencySummary.ms(p99.getAsDouble() * 1000) : "?",
                    max.isPresent() ? LatencySummary.ms(max.getAsDouble() * 1000) : "?"));
        }
        return lines;
    }
}
