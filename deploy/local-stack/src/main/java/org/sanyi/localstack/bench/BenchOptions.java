package org.sanyi.localstack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.sanyi.localstack.CommandArguments;
import org.sanyi.localstack.UsageException;

/**
 * What {@code ./sanyi bench referrals} measures.
 *
 * @param rate creates per second of the fixed-rate phase
 * @param duration length of each measured phase
 * @param concurrency requests in flight in the maximum-throughput phase, and the most in flight (connections) at the
 *     fixed rate
 * @param warmup load before measuring, so the service's JIT and pools are warm
 * @param profile record a JFR profile of referral-service during the maximum-throughput phase and print where its
 *     samples fall
 */
public record BenchOptions(int rate, Duration duration, int concurrency, Duration warmup, boolean profile) {

    public static final String SCENARIO = "referrals";

    /** The scenarios of {@code bench}, for usage messages. */
    public static final String SCENARIOS =
            "'" + SCENARIO + "', '" + ResultBenchOptions.SCENARIO + "' and '" + ImagingBenchOptions.SCENARIO + "'";

    public static final int DEFAULT_RATE = BenchTargets.TARGET_RATE;
    public static final int DEFAULT_DURATION_SECONDS = 30;
    public static final int DEFAULT_CONCURRENCY = 48;
    public static final int DEFAULT_WARMUP_SECONDS = 60;

    public static BenchOptions parse(List<String> arguments) {
        if (arguments.isEmpty() || !SCENARIO.equals(arguments.get(0))) {
            throw new UsageException("Name what to load: the scenarios are " + SCENARIOS + ".");
        }
        CommandArguments parsed = CommandArguments.parse(
                arguments.subList(1, arguments.size()),
                Set.of("--rate", "--duration", "--concurrency", "--warmup"),
                Set.of("--profile"));
        return new BenchOptions(
                number(parsed, "--rate", DEFAULT_RATE, 1, 5_000),
                Duration.ofSeconds(number(parsed, "--duration", DEFAULT_DURATION_SECONDS, 1, 3600)),
                number(parsed, "--concurrency", DEFAULT_CONCURRENCY, 1, 1024),
                Duration.ofSeconds(number(parsed, "--warmup", DEFAULT_WARMUP_SECONDS, 0, 600)),
                parsed.has("--profile"));
    }

    static int number(CommandArguments parsed, String option, int defaultValue, int min, int max) {
        String raw = parsed.value(option).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                option + " must be a whole number from " + min + " to " + max + ", not '" + raw + "'.");
    }
}
