package org.sanyi.localstack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.sanyi.localstack.CommandArguments;
import org.sanyi.localstack.UsageException;

/**
 * What {@code ./sanyi bench results} measures.
 *
 * @param results results the {@code result} table must hold before the load phases (bulk-loaded when it holds
 *     fewer)
 * @param duration length of each measured phase
 * @param concurrency checks in flight in the closed loop, and the most in flight (connections) at the fixed rate
 * @param warmup checks before measuring (not measured), so the service's JIT and pools are warm
 */
public record ResultBenchOptions(long results, Duration duration, int concurrency, Duration warmup) {

    public static final String SCENARIO = "results";
    public static final long DEFAULT_RESULTS = BenchTargets.CHECK_RESULTS_STORED;
    public static final long MIN_RESULTS = SyntheticPersons.RESULTS_PER_PERSON;
    public static final long MAX_RESULTS = SyntheticPersons.CAPACITY * SyntheticPersons.RESULTS_PER_PERSON;
    public static final int DEFAULT_DURATION_SECONDS = 30;
    public static final int DEFAULT_CONCURRENCY = 32;
    public static final int DEFAULT_WARMUP_SECONDS = 15;

    public static ResultBenchOptions parse(List<String> arguments) {
        if (arguments.isEmpty() || !SCENARIO.equals(arguments.get(0))) {
            throw new UsageException("Name what to load: the scenarios are " + BenchOptions.SCENARIOS + ".");
        }
        CommandArguments parsed = CommandArguments.parse(
                arguments.subList(1, arguments.size()),
                Set.of("--results", "--duration", "--concurrency", "--warmup"),
                Set.of());
        return new ResultBenchOptions(
                results(parsed),
                Duration.ofSeconds(BenchOptions.number(parsed, "--duration", DEFAULT_DURATION_SECONDS, 1, 3600)),
                BenchOptions.number(parsed, "--concurrency", DEFAULT_CONCURRENCY, 1, 1024),
                Duration.ofSeconds(BenchOptions.number(parsed, "--warmup", DEFAULT_WARMUP_SECONDS, 0, 600)));
    }

    /** Persons the bulk load spreads the results over. */
    public long persons() {
        return SyntheticPersons.forResults(results);
    }

    /** A whole number, with optional {@code _} or {@code ,} separators: {@code 10_000_000}, {@code 10,000,000}. */
    private static long results(CommandArguments parsed) {
        String raw = parsed.value("--results").orElse(null);
        if (raw == null) {
            return DEFAULT_RESULTS;
        }
        try {
            long value = Long.parseLong(raw.trim().replace("_", "").replace(",", ""));
            if (value >= MIN_RESULTS && value <= MAX_RESULTS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                "--results must be a whole number from " + MIN_RESULTS + " to " + MAX_RESULTS + ", not '" + raw + "'.");
    }
}
