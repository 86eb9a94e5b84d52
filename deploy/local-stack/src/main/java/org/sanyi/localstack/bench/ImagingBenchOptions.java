package org.sanyi.localstack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.sanyi.localstack.CommandArguments;
import org.sanyi.localstack.UsageException;

/**
 * What {@code ./sanyi bench imaging} measures.
 *
 * @param studies studies the {@code study} table must hold before the load phases (bulk-loaded when it holds fewer)
 * @param duration length of each measured phase
 * @param concurrency searches in flight in the closed loop, and the most in flight (connections) at the fixed rate
 * @param rate searches per second of the fixed-rate phase
 * @param warmup searches (and then batches) before measuring, not measured, so the service's JIT and pools are warm
 * @param profile record a JFR profile of imaging-service during the closed-loop search phase and the registration
 *     phase, and print where its samples fall
 */
public record ImagingBenchOptions(
        long studies, Duration duration, int concurrency, int rate, Duration warmup, boolean profile) {

    public static final String SCENARIO = "imaging";
    public static final long DEFAULT_STUDIES = BenchTargets.QIDO_STUDIES_STORED;
    public static final long MIN_STUDIES = 1_000;
    public static final long MAX_STUDIES = 5_000_000;
    public static final int DEFAULT_DURATION_SECONDS = 30;
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int DEFAULT_RATE = BenchTargets.QIDO_TARGET_RATE;
    public static final int DEFAULT_WARMUP_SECONDS = 15;

    public static ImagingBenchOptions parse(List<String> arguments) {
        if (arguments.isEmpty() || !SCENARIO.equals(arguments.get(0))) {
            throw new UsageException("Name what to load: the scenarios are " + BenchOptions.SCENARIOS + ".");
        }
        CommandArguments parsed = CommandArguments.parse(
                arguments.subList(1, arguments.size()),
                Set.of("--studies", "--duration", "--concurrency", "--rate", "--warmup"),
                Set.of("--profile"));
        return new ImagingBenchOptions(
                studies(parsed),
                Duration.ofSeconds(BenchOptions.number(parsed, "--duration", DEFAULT_DURATION_SECONDS, 1, 3600)),
                BenchOptions.number(parsed, "--concurrency", DEFAULT_CONCURRENCY, 1, 1024),
                BenchOptions.number(parsed, "--rate", DEFAULT_RATE, 1, 5_000),
                Duration.ofSeconds(BenchOptions.number(parsed, "--warmup", DEFAULT_WARMUP_SECONDS, 0, 600)),
                parsed.has("--profile"));
    }

    /** Persons the bulk load spreads the studies over (the searched ones included). */
    public long persons() {
        return ImagingBulkLoad.personsFor(studies);
    }

    /** A whole number, with optional {@code _} or {@code ,} separators: {@code 2_000_000}, {@code 2,000,000}. */
    private static long studies(CommandArguments parsed) {
        String raw = parsed.value("--studies").orElse(null);
        if (raw == null) {
            return DEFAULT_STUDIES;
        }
        try {
            long value = Long.parseLong(raw.trim().replace("_", "").replace(",", ""));
            if (value >= MIN_STUDIES && value <= MAX_STUDIES) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                "--studies must be a whole number from " + MIN_STUDIES + " to " + MAX_STUDIES + ", not '" + raw + "'.");
    }
}
