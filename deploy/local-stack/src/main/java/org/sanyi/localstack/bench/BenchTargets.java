package org.sanyi.localstack.bench;

import java.util.List;
import java.util.Locale;
import org.sanyi.localstack.TextTable;

/** The exchange's performance targets for referral creation and whether a run met them. */
public final class BenchTargets {

    public static final double SUSTAINED_CREATES_PER_SECOND = 1500;
    public static final int TARGET_RATE = 500;
    public static final double CREATE_P99_MILLIS = 25;
    public static final double COMMIT_TO_CONSUMER_P99_MILLIS = 50;
    public static final double SERVER_CPU_MS_PER_CREATE = 1.0;
    public static final double SERVICE_CPU_MS_PER_CREATE = 0.5;
    public static final double POSTGRES_CPU_MS_PER_CREATE = 0.35;
    public static final double CLIENT_CPU_MS_PER_REQUEST = 0.3;
    public static final double COMMITS_PER_CREATE = 1.0;
    public static final long IDLE_RSS_MB = 200;
    public static final long LOADED_RSS_MB = 300;
    public static final double START_TO_READY_SECONDS = 5;

    /** One target: what, the goal, what was measured, met or not. */
    public record Verdict(String target, String goal, String measured, boolean met) {
        public String mark() {
            return met ? "PASS" : "MISS";
        }
    }

    private BenchTargets() {}

    public static Verdict sustained(PhaseResult closedLoop, int concurrency) {
        double rate = closedLoop.createdPerSecond();
        return new Verdict(
                "sustained creates/s (closed loop, " + concurrency + " in flight)",
                String.format(Locale.ROOT, ">= %.0f/s", SUSTAINED_CREATES_PER_SECOND),
                String.format(Locale.ROOT, "%.0f/s", rate),
                rate >= SUSTAINED_CREATES_PER_SECOND && closedLoop.failed() == 0);
    }

    public static Verdict createP99(PhaseResult openLoop, int rate) {
        double p99 = openLoop.latency().p99();
        return new Verdict(
                "POST /v1/referrals p99 at " + rate + "/s (open loop)",
                String.format(Locale.ROOT, "<= %.0f ms at %d/s", CREATE_P99_MILLIS, TARGET_RATE),
                LatencySummary.ms(p99),
                p99 <= CREATE_P99_MILLIS && openLoop.failed() == 0 && openLoop.created() > 0);
    }

    public static Verdict commitToConsumerP99(LatencySummary latency, int rate) {
        return new Verdict(
                "commit-to-consumer p99 at " + rate + "/s",
                String.format(Locale.ROOT, "<= %.0f ms at %d/s", COMMIT_TO_CONSUMER_P99_MILLIS, TARGET_RATE),
                latency.count() == 0 ? "no events" : LatencySummary.ms(latency.p99()),
                latency.count() > 0 && latency.p99() <= COMMIT_TO_CONSUMER_P99_MILLIS);
    }

    public static Verdict everyEventArrived(long arrived, long created) {
        return new Verdict(
                "requested event read for every created referral",
                "all",
                arrived + " of " + created,
                created > 0 && arrived == created);
    }

    /** At most {@code limit} ms; NaN (not measured) is a miss that says so. */
    public static Verdict atMost(String target, double measured, double limit, String unit) {
        return new Verdict(
                target,
                ("<= " + number(limit) + " " + unit).trim(),
                Double.isNaN(measured) ? "not measured" : (number(measured) + " " + unit).trim(),
                !Double.isNaN(measured) && measured <= limit);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String render(List<Verdict> verdicts, int rate) {
        TextTable table = new TextTable().row("TARGET", "GOAL", "MEASURED", "");
        verdicts.forEach(verdict -> table.row(verdict.target(), verdict.goal(), verdict.measured(), verdict.mark()));
        String text = table.render("  ");
        if (rate != TARGET_RATE) {
            text += "  Note: the latency targets are defined at " + TARGET_RATE + "/s; this run used --rate " + rate
                    + ".\n";
        }
        return text;
    }
}
