package org.sanyi.localstack;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sanyi.localstack.bench.BenchOptions;
import org.sanyi.localstack.bench.BenchTargets;
import org.sanyi.localstack.bench.CommitToConsumerProbe;
import org.sanyi.localstack.bench.DatabaseWork;
import org.sanyi.localstack.bench.ImagingBenchOptions;
import org.sanyi.localstack.bench.LatencySummary;
import org.sanyi.localstack.bench.LoadClient;
import org.sanyi.localstack.bench.LoadPhases;
import org.sanyi.localstack.bench.MachineDescription;
import org.sanyi.localstack.bench.PhaseObservation;
import org.sanyi.localstack.bench.PhaseResult;
import org.sanyi.localstack.bench.ProcessMemory;
import org.sanyi.localstack.bench.ReferralCreator;
import org.sanyi.localstack.bench.ReferralRequestFactory;
import org.sanyi.localstack.bench.ResultBenchOptions;
import org.sanyi.localstack.bench.ServiceFigures;
import org.sanyi.localstack.bench.ServiceProfile;
import org.sanyi.localstack.exchange.EventTap;
import org.sanyi.localstack.exchange.ExchangeClient;
import org.sanyi.localstack.exchange.HospitalTokens;

/**
 * {@code bench referrals}: loads the running referral-service with creates and prints throughput, latency
 * percentiles and commit-to-consumer latency next to the exchange's targets; {@code bench results} does the same for
 * result-service's checks and batch publishing over millions of bulk-loaded results ({@link ResultBench}), and
 * {@code bench imaging} for imaging-service's QIDO-RS searches and batch registration over millions of bulk-loaded
 * studies ({@link ImagingBench}). A measurement, not a test: the exit code is 0 whether targets are met or not, and
 * non-zero only when it could not measure.
 */
public final class BenchCommand implements LauncherCommand {

    /** Time allowed for the outbox relay to publish a backlog before the next phase starts. */
    private static final Duration BACKLOG_TIMEOUT = Duration.ofSeconds(120);

    /** Time allowed for the last requested events of the fixed-rate phase to reach the consumer. */
    private static final Duration LAST_EVENTS_TIMEOUT = Duration.ofSeconds(30);

    private static final String SERVICE = "referral-service";
    private static final String POSTGRES = PhaseObservation.POSTGRES;

    private final PrintStream out = System.out;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench referrals [--rate N] [--duration S] [--concurrency C] [--warmup S] [--profile]"
                + " | bench results [--results N] [--duration S] [--concurrency C] [--warmup S]"
                + " | bench imaging [--studies N] [--duration S] [--concurrency C] [--rate N] [--warmup S] [--profile]";
    }

    @Override
    public String summary() {
        return "load the running referral-service (creates/s, latency percentiles, commit-to-consumer),"
                + " result-service (bulk load, checks/s and p99, results published/s) or imaging-service (bulk load,"
                + " QIDO-RS searches/s and p99, studies registered/s)";
    }

    @Override
    public String logFileName() {
        return "bench.log";
    }

    private ServiceProfile startProfile(LiveStack stack, StackContext context) throws Exception {
        return startProfile(SERVICE, stack, context);
    }

    /** A JFR recording of {@code service} (execution samples only) to {@code .sanyi/logs/bench-profile-<time>.jfr}. */
    static ServiceProfile startProfile(String service, LiveStack stack, StackContext context) throws Exception {
        long pid = stack.pidOf(service)
                .orElseThrow(() -> new IllegalStateException(
                        service + " has no pid file; was it started by ./sanyi up from this repository?"));
        Path file = context.layout()
                .logs()
                .resolve("bench-profile-" + service + "-" + Instant.now().getEpochSecond() + ".jfr");
        return ServiceProfile.start(pid, file);
    }

    private void printProfile(Path recording, StackContext context) throws Exception {
        printProfile(out, SERVICE, recording, context);
    }

    /** Where a service's CPU samples fell during a phase: by thread, library, the top frame's package and method. */
    static void printProfile(PrintStream out, String service, Path recording, StackContext context) throws Exception {
        ServiceProfile.Samples samples = ServiceProfile.samples(recording);
        out.printf(
                "  profile of %s (JFR, %d execution samples), %s%n",
                service, samples.total(), context.layout().display(recording));
        out.println("    by thread:");
        for (var entry : samples.topThreads(8)) {
            out.printf(Locale.ROOT, "      %5.1f %%  %s%n", samples.share(entry.getValue()), entry.getKey());
        }
        out.println("    by library (the innermost frame outside the JDK; JDK time is charged to its caller):");
        for (var entry : samples.topSubsystems(ServiceProfile.SUBSYSTEMS.size() + 4)) {
            out.printf(Locale.ROOT, "      %5.1f %%  %s%n", samples.share(entry.getValue()), entry.getKey());
        }
        out.println("    top frames by package:");
        for (var entry : samples.topPackages(15)) {
            out.printf(Locale.ROOT, "      %5.1f %%  %s%n", samples.share(entry.getValue()), entry.getKey());
        }
        out.println("    top frames by method:");
        for (var entry : samples.topMethods(10)) {
            out.printf(Locale.ROOT, "      %5.1f %%  %s%n", samples.share(entry.getValue()), entry.getKey());
        }
        out.println("    (open the file in JDK Mission Control, or: jfr print --events jdk.ExecutionSample FILE)");
    }

    @Override
    public int run(List<String> arguments, StackContext context) throws Exception {
        if (!arguments.isEmpty() && ResultBenchOptions.SCENARIO.equals(arguments.get(0))) {
            return new ResultBench(out).run(ResultBenchOptions.parse(arguments), context);
        }
        if (!arguments.isEmpty() && ImagingBenchOptions.SCENARIO.equals(arguments.get(0))) {
            return new ImagingBench(out).run(ImagingBenchOptions.parse(arguments), context);
        }
        BenchOptions options = BenchOptions.parse(arguments);
        LiveStack stack;
        try {
            stack = LiveStack.connect(context);
        } catch (LiveStack.NotReadyException e) {
            System.err.println(e.getMessage());
            return LiveStack.NOT_RUNNING;
        }
        printSetup(options, stack);

        CommitToConsumerProbe probe = new CommitToConsumerProbe();
        HospitalTokens tokens = new HospitalTokens(stack.tokenSigner(), stack.tokenAudiences(), "bench");
        try (EventTap tap = EventTap.startAtEnd(stack.kafkaBootstrapServers(), EventTap.REFERRAL_EVENTS, probe);
                LoadClient load = new LoadClient(stack.referralBase(), options.concurrency())) {
            ExchangeClient client = new ExchangeClient(tokens);
            ReferralCreator creator = new ReferralCreator(
                    load, tokens, new ReferralRequestFactory(Instant.now().getEpochSecond()));
            URI metrics = stack.referralBase().resolve("/q/metrics");
            DatabaseWork database = stack.databaseWork(stack.referral().database());
            ResidentMemory memory = new ResidentMemory(stack.pidOf(SERVICE).orElse(-1L));
            long idleRss = memory.sample();

            if (!options.warmup().isZero()) {
                out.printf(
                        "Warm-up: closed loop, %d in flight, %d s (not measured)%n",
                        options.concurrency(), options.warmup().toSeconds());
                Set<String> warmupIds = ConcurrentHashMap.newKeySet();
                PhaseResult warmup =
                        LoadPhases.closedLoop(creator, options.concurrency(), options.warmup(), warmupIds::add);
                out.printf(
                        Locale.ROOT,
                        "  %d created (%.0f/s)%s%n",
                        warmup.created(),
                        warmup.createdPerSecond(),
                        failures(warmup));
                awaitBacklog(probe, warmupIds, "warm-up");
            }

            out.printf(
                    "%n(a) Maximum throughput: closed loop, %d requests in flight, %d s%n",
                    options.concurrency(), options.duration().toSeconds());
            Set<String> closedIds = ConcurrentHashMap.newKeySet();
            ServiceProfile profile = options.profile() ? startProfile(stack, context) : null;
            PhaseObservation closedObservation = PhaseObservation.start(
                    client, metrics, stack.componentsByPid(), database, ServiceFigures.REFERRAL_CREATES);
            PhaseResult closed =
                    LoadPhases.closedLoop(creator, options.concurrency(), options.duration(), closedIds::add);
            memory.sample();
            PhaseObservation.Cost closedCost = closedObservation.finish(
                    closed.elapsed(), closed.sent(), closed.created(), PhaseObservation.CREATED_REFERRAL);
            printPhase(closed, closedCost);
            if (profile != null) {
                printProfile(profile.stop(), context);
            }
            out.printf(
                    Locale.ROOT,
                    "  created %d in %.1f s = %.0f creates/s%s%n",
                    closed.created(),
                    closed.elapsed().toNanos() / 1e9,
                    closed.createdPerSecond(),
                    failures(closed));
            awaitBacklog(probe, closedIds, "phase (a)");

            out.printf(
                    "%n(b) Fixed rate: open loop, %d creates/s for %d s over at most %d connections, latency from"
                            + " each request's scheduled send time%n",
                    options.rate(), options.duration().toSeconds(), options.concurrency());
            out.printf("(c) Commit-to-consumer in the same phase: time an independent consumer reads the requested"
                    + " event minus its ce_time%n");
            Set<String> openIds = ConcurrentHashMap.newKeySet();
            PhaseObservation openObservation = PhaseObservation.start(
                    client, metrics, stack.componentsByPid(), database, ServiceFigures.REFERRAL_CREATES);
            PhaseResult open = LoadPhases.openLoop(
                    creator, options.rate(), options.duration(), options.concurrency(), openIds::add);
            memory.sample();
            PhaseObservation.Cost openCost = openObservation.finish(
                    open.elapsed(), open.sent(), open.created(), PhaseObservation.CREATED_REFERRAL);
            printPhase(open, openCost);
            out.printf(
                    Locale.ROOT,
                    "  sent %d, created %d%s; client send lag behind schedule: %s%n",
                    open.sent(),
                    open.created(),
                    failures(open),
                    open.sendLag().describe());
            boolean allArrived = probe.awaitAll(openIds, LAST_EVENTS_TIMEOUT);
            long arrived = probe.arrived(openIds);
            LatencySummary commitToConsumer = probe.latencyOf(openIds);
            out.printf("  (c) commit-to-consumer: %s%n", commitToConsumer.describe());
            out.printf(
                    "      requested events read: %d of %d created%s; duplicates %d%n",
                    arrived,
                    openIds.size(),
                    allArrived ? "" : " (" + LAST_EVENTS_TIMEOUT.toSeconds() + " s after the phase)",
                    probe.duplicates());
            if (tap.failure() != null) {
                out.println("      the event consumer failed: " + tap.failure());
            }

            out.printf("%nResults against targets%n");
            out.printf(
                    "  (CPU and database work per create from phase (a), the closed loop; memory of %s: idle before"
                            + " the warm-up, loaded = the most seen at the end of phases (a) and (b))%n",
                    SERVICE);
            long readyMillis = stack.readyMillisByService().getOrDefault(SERVICE, -1L);
            out.print(BenchTargets.render(
                    List.of(
                            BenchTargets.atMost(
                                    "server CPU per create (service + PostgreSQL + broker)",
                                    closedCost.serverCpuMs(SERVICE),
                                    BenchTargets.SERVER_CPU_MS_PER_CREATE,
                                    "ms"),
                            BenchTargets.atMost(
                                    SERVICE + " CPU per create",
                                    closedCost.cpuMs(SERVICE),
                                    BenchTargets.SERVICE_CPU_MS_PER_CREATE,
                                    "ms"),
                            BenchTargets.atMost(
                                    "PostgreSQL CPU per create",
                                    closedCost.cpuMs(POSTGRES),
                                    BenchTargets.POSTGRES_CPU_MS_PER_CREATE,
                                    "ms"),
                            BenchTargets.atMost(
                                    "PostgreSQL commits per create",
                                    closedCost.database().commits(),
                                    BenchTargets.COMMITS_PER_CREATE,
                                    ""),
                            BenchTargets.sustained(closed, options.concurrency()),
                            BenchTargets.createP99(open, options.rate()),
                            BenchTargets.commitToConsumerP99(commitToConsumer, options.rate()),
                            BenchTargets.everyEventArrived(arrived, openIds.size()),
                            BenchTargets.atMost(
                                    SERVICE + " RSS idle", megabytes(idleRss), BenchTargets.IDLE_RSS_MB, "MB"),
                            BenchTargets.atMost(
                                    SERVICE + " RSS under load",
                                    megabytes(memory.most()),
                                    BenchTargets.LOADED_RSS_MB,
                                    "MB"),
                            BenchTargets.atMost(
                                    SERVICE + " start to ready (./sanyi up)",
                                    readyMillis < 0 ? Double.NaN : readyMillis / 1000.0,
                                    BenchTargets.START_TO_READY_SECONDS,
                                    "s"),
                            BenchTargets.atMost(
                                    "bench client CPU per request",
                                    closedCost.clientCpuMsPerRequest(),
                                    BenchTargets.CLIENT_CPU_MS_PER_REQUEST,
                                    "ms")),
                    options.rate()));
            return 0;
        }
    }

    private void printSetup(BenchOptions options, LiveStack stack) {
        out.println("Sanyi bench: POST /v1/referrals against the running stack");
        out.println("  machine:  " + MachineDescription.current().describe());
        out.println("  service:  referral-service " + stack.referral().baseUrl() + ", JVM "
                + stack.jvmOptionsOf("referral-service").orElse("(options unknown)")
                + "; Kafka " + stack.kafkaBootstrapServers());
        out.println("  client:   this JVM ("
                + String.join(
                        " ",
                        java.lang.management.ManagementFactory.getRuntimeMXBean()
                                .getInputArguments())
                + "), Vert.x HTTP/1.1 client on one event loop, keep-alive pool of --concurrency connections, same"
                + " machine as the stack");
        out.printf(
                "  requests: %d sender/receiver pairs of the 宁德 seed (upward, downward with 下转指征, lateral),"
                        + " a new synthetic patient and Idempotency-Key each%n",
                ReferralRequestFactory.routeCount());
        out.printf(
                "  options:  --rate %d --duration %d --concurrency %d --warmup %d%n%n",
                options.rate(),
                options.duration().toSeconds(),
                options.concurrency(),
                options.warmup().toSeconds());
    }

    private void printPhase(PhaseResult result, PhaseObservation.Cost cost) {
        out.println("  latency:  " + result.latency().describe());
        cost.lines().forEach(line -> out.println("  " + line));
        if (result.firstFailure() != null) {
            out.println("  first failure: " + result.firstFailure());
        }
    }

    private void awaitBacklog(CommitToConsumerProbe probe, Set<String> ids, String phase) throws InterruptedException {
        long started = System.nanoTime();
        boolean drained = probe.awaitAll(ids, BACKLOG_TIMEOUT);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (drained) {
            out.printf(
                    Locale.ROOT,
                    "  all %d requested events of %s read %.1f s after its last answer%n",
                    ids.size(),
                    phase,
                    seconds);
        } else {
            out.printf(
                    Locale.ROOT,
                    "  only %d of %d requested events of %s read after %.0f s; going on%n",
                    probe.arrived(ids),
                    ids.size(),
                    phase,
                    seconds);
        }
    }

    private static double megabytes(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / (1024.0 * 1024.0);
    }

    /** The service's resident set at chosen moments; -1 where it could not be read. */
    private static final class ResidentMemory {
        private final long pid;
        private long most = -1;

        ResidentMemory(long pid) {
            this.pid = pid;
        }

        long sample() {
            long now = pid < 0 ? -1 : ProcessMemory.residentBytes(pid).orElse(-1);
            most = Math.max(most, now);
            return now;
        }

        long most() {
            return most;
        }
    }

    /** {@code , no failures} or {@code , FAILED 3 × HTTP 500, 1 × no answer}. */
    static String failures(PhaseResult result) {
        if (result.failed() == 0) {
            return ", no failures";
        }
        List<String> parts = new ArrayList<>();
        result.failuresByStatus()
                .forEach((status, count) -> parts.add(count + " × " + (status < 0 ? "no answer" : "HTTP " + status)));
        return ", FAILED " + String.join(", ", parts);
    }
}
