package org.sanyi.localstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.sanyi.localstack.bench.BenchTargets;
import org.sanyi.localstack.bench.DatabaseWork;
import org.sanyi.localstack.bench.LoadClient;
import org.sanyi.localstack.bench.LoadPhases;
import org.sanyi.localstack.bench.LoadRequests;
import org.sanyi.localstack.bench.MachineDescription;
import org.sanyi.localstack.bench.PhaseObservation;
import org.sanyi.localstack.bench.PhaseResult;
import org.sanyi.localstack.bench.ResultBenchOptions;
import org.sanyi.localstack.bench.ResultBulkLoad;
import org.sanyi.localstack.bench.ResultLoad;
import org.sanyi.localstack.bench.ResultRequestFactory;
import org.sanyi.localstack.bench.SyntheticPersons;
import org.sanyi.localstack.exchange.ApiAnswer;
import org.sanyi.localstack.exchange.ExchangeClient;
import org.sanyi.localstack.exchange.HospitalTokens;
import org.sanyi.localstack.exchange.RecognitionAnswers;
import org.sanyi.tokens.TokenContract;

/**
 * {@code bench results}: (1) bulk-loads the running stack's database {@code result} with millions of synthetic results
 * (directly, not through the API), then loads result-service with (2) recognition checks in a closed loop, (3) checks
 * at a fixed rate (open loop, latency from each request's scheduled send time) and (4) batch publishing, and prints
 * latency, throughput and CPU per operation next to the targets. A measurement, not a test: exit code 0 whether
 * targets are met or not.
 */
final class ResultBench {

    private static final String SERVICE = LiveStack.RESULT_SERVICE;
    private static final String REGULATOR = "ND-HC01";

    /** An issuer left without an EQA pass, so some results are NO_VALID_EQA as in a real region. */
    static final List<String> WITHOUT_EQA = List.of("NDFA-THC01");

    static final int BATCH_CONCURRENCY = 4;

    private static final PhaseObservation.Unit CHECK = new PhaseObservation.Unit("check", "check made");
    private static final PhaseObservation.Unit PUBLISHED_RESULT =
            new PhaseObservation.Unit("result", "published result");

    private final PrintStream out;

    ResultBench(PrintStream out) {
        this.out = out;
    }

    int run(ResultBenchOptions options, StackContext context) throws Exception {
        LiveStack stack;
        try {
            stack = LiveStack.connect(context, List.of(SERVICE));
        } catch (LiveStack.NotReadyException e) {
            System.err.println(e.getMessage());
            return LiveStack.NOT_RUNNING;
        }
        printSetup(options, stack);

        String database = stack.result().database();
        out.printf(
                Locale.ROOT,
                "(1) Bulk load of %,d results for %,d synthetic persons into database %s (%s), directly, not"
                        + " through the API%n",
                options.results(),
                options.persons(),
                database,
                stack.jdbcUrl(database));
        ResultBulkLoad.Report loaded = new ResultBulkLoad(
                        stack.jdbcUrl(database),
                        LocalPostgres.USERNAME,
                        LocalPostgres.PASSWORD,
                        stack.pseudonymizer(),
                        out)
                .ensure(options.results());
        long stored = loaded.after();

        HospitalTokens tokens = new HospitalTokens(stack.tokenSigner(), stack.tokenAudiences(), "bench");
        ExchangeClient client = new ExchangeClient(tokens);
        ensureEqa(client, stack);

        ResultRequestFactory requests = new ResultRequestFactory(
                options.persons(), Long.toString(Instant.now().getEpochSecond(), 36));
        URI metrics = stack.resultBase().resolve("/q/metrics");
        DatabaseWork work = stack.databaseWork(database);

        PhaseResult closed;
        PhaseObservation.Cost closedCost;
        PhaseResult open;
        PhaseObservation.Cost openCost;
        try (LoadClient load = new LoadClient(stack.resultBase(), options.concurrency())) {
            LoadRequests checks = ResultLoad.checks(load, tokens, requests);
            if (!options.warmup().isZero()) {
                out.printf(
                        Locale.ROOT,
                        "%nWarm-up: checks in a closed loop, %d in flight, %d s (not measured)%n",
                        options.concurrency(),
                        options.warmup().toSeconds());
                PhaseResult warmup = LoadPhases.closedLoop(checks, options.concurrency(), options.warmup(), id -> {});
                out.printf(
                        Locale.ROOT,
                        "  %d checks (%.0f/s)%s%n",
                        warmup.created(),
                        warmup.createdPerSecond(),
                        BenchCommand.failures(warmup));
            }

            out.printf(
                    Locale.ROOT,
                    "%n(2) Maximum throughput: POST /v1/recognition-checks in a closed loop, %d in flight, %d s, two"
                            + " items of a random bulk-loaded person by resident ID%n",
                    options.concurrency(),
                    options.duration().toSeconds());
            PhaseObservation closedObservation =
                    PhaseObservation.start(client, metrics, stack.componentsByPid(), work, ResultLoad.CHECK_ENDPOINT);
            closed = LoadPhases.closedLoop(checks, options.concurrency(), options.duration(), id -> {});
            closedCost = closedObservation.finish(closed.elapsed(), closed.sent(), closed.created(), CHECK);
            printPhase(closed, closedCost);
            out.printf(
                    Locale.ROOT,
                    "  made %d checks in %.1f s = %.0f checks/s%s%n",
                    closed.created(),
                    closed.elapsed().toNanos() / 1e9,
                    closed.createdPerSecond(),
                    BenchCommand.failures(closed));

            int rate = BenchTargets.CHECK_TARGET_RATE;
            out.printf(
                    Locale.ROOT,
                    "%n(3) Fixed rate: %d checks/s for %d s (open loop) over at most %d connections, latency from each"
                            + " request's scheduled send time%n",
                    rate,
                    options.duration().toSeconds(),
                    options.concurrency());
            PhaseObservation openObservation =
                    PhaseObservation.start(client, metrics, stack.componentsByPid(), work, ResultLoad.CHECK_ENDPOINT);
            open = LoadPhases.openLoop(checks, rate, options.duration(), options.concurrency(), id -> {});
            openCost = openObservation.finish(open.elapsed(), open.sent(), open.created(), CHECK);
            printPhase(open, openCost);
            out.printf(
                    Locale.ROOT,
                    "  sent %d, made %d (%.0f/s)%s; client send lag behind schedule: %s%n",
                    open.sent(),
                    open.created(),
                    open.createdPerSecond(),
                    BenchCommand.failures(open),
                    open.sendLag().describe());
        }

        int batchSize = BenchTargets.PUBLISH_BATCH_SIZE;
        out.printf(
                Locale.ROOT,
                "%n(4) Publishing: POST /v1/result-batches of %d 血常规 results of random bulk-loaded persons, closed"
                        + " loop, %d in flight, %d s%n",
                batchSize,
                BATCH_CONCURRENCY,
                options.duration().toSeconds());
        PhaseResult batches;
        PhaseObservation.Cost batchCost;
        try (LoadClient load = new LoadClient(stack.resultBase(), BATCH_CONCURRENCY)) {
            LoadRequests publishing = ResultLoad.batches(load, tokens, requests, batchSize);
            PhaseObservation observation =
                    PhaseObservation.start(client, metrics, stack.componentsByPid(), work, ResultLoad.BATCH_ENDPOINT);
            batches = LoadPhases.closedLoop(publishing, BATCH_CONCURRENCY, options.duration(), id -> {});
            batchCost = observation.finish(
                    batches.elapsed(), batches.sent(), batches.created() * batchSize, PUBLISHED_RESULT);
        }
        printPhase(batches, batchCost);
        double seconds = batches.elapsed().toNanos() / 1e9;
        out.printf(
                Locale.ROOT,
                "  published %d batches = %d results in %.1f s = %.0f results/s%s%n",
                batches.created(),
                batches.created() * batchSize,
                seconds,
                seconds <= 0 ? 0 : batches.created() * batchSize / seconds,
                BenchCommand.failures(batches));

        out.printf(Locale.ROOT, "%nResults against targets%n");
        out.print(BenchTargets.render(List.of(
                BenchTargets.sustainedChecks(closed, options.concurrency(), stored),
                BenchTargets.checkP99(open, BenchTargets.CHECK_TARGET_RATE, stored),
                BenchTargets.publishing(batches, batchSize, BATCH_CONCURRENCY))));
        if (stored < BenchTargets.CHECK_RESULTS_STORED) {
            out.printf(
                    Locale.ROOT,
                    "  Note: the check targets are defined with %,d results stored; this run had %,d (--results), so"
                            + " they cannot pass.%n",
                    BenchTargets.CHECK_RESULTS_STORED,
                    stored);
        }
        out.printf(
                Locale.ROOT,
                "  CPU per check (closed loop): %s %.2f ms, PostgreSQL %.2f ms, server total %.2f ms; bench client"
                        + " %.2f ms per request%n",
                SERVICE,
                closedCost.cpuMs(SERVICE),
                closedCost.cpuMs(PhaseObservation.POSTGRES),
                closedCost.serverCpuMs(SERVICE),
                closedCost.clientCpuMsPerRequest());
        out.printf(
                Locale.ROOT,
                "  CPU per check at %d/s: %s %.2f ms, PostgreSQL %.2f ms%n",
                BenchTargets.CHECK_TARGET_RATE,
                SERVICE,
                openCost.cpuMs(SERVICE),
                openCost.cpuMs(PhaseObservation.POSTGRES));
        out.printf(
                Locale.ROOT,
                "  CPU per published result: %s %.3f ms, PostgreSQL %.3f ms; %.2f commits and %.0f WAL bytes per"
                        + " result%n",
                SERVICE,
                batchCost.cpuMs(SERVICE),
                batchCost.cpuMs(PhaseObservation.POSTGRES),
                batchCost.database().commits(),
                batchCost.database().walBytes());
        return 0;
    }

    /**
     * EQA passes (as the regulator, through the API) for the bulk load's lab items at its issuers, covering the two
     * years of specimen dates, so checks find recognisable results; only the missing ones are recorded.
     */
    private void ensureEqa(ExchangeClient client, LiveStack stack) throws Exception {
        LocalDate today = LocalDate.now(DemoCommand.CHINA);
        LocalDate oldest = today.minusDays(731);
        List<String> labItems = ResultBulkLoad.ITEMS.stream()
                .filter(item -> item.startsWith("LAB-"))
                .toList();
        int recorded = 0;
        int present = 0;
        for (String issuer : ResultBulkLoad.ISSUERS) {
            if (WITHOUT_EQA.contains(issuer)) {
                continue;
            }
            ApiAnswer statuses = client.getInRole(
                    stack.resultBase().resolve("/v1/quality-statuses?institution=" + issuer),
                    REGULATOR,
                    TokenContract.REGULATOR);
            if (statuses.status() != 200) {
                throw new IllegalStateException("GET /v1/quality-statuses?institution=" + issuer + " answered "
                        + statuses.status() + " " + statuses.body());
            }
            for (String item : labItems) {
                if (RecognitionAnswers.hasValidPass(statuses.body(), item, oldest)
                        && RecognitionAnswers.hasValidPass(statuses.body(), item, today)) {
                    present++;
                    continue;
                }
                ObjectNode body = ExchangeClient.JSON.createObjectNode();
                body.put("institutionCode", issuer);
                body.put("itemCode", item);
                body.put("passed", true);
                body.put("scheme", "福建省临床检验中心 室间质评 (bench)");
                body.put("validFrom", oldest.minusDays(7).toString());
                body.put("validTo", today.plusYears(1).toString());
                ApiAnswer answer = client.postInRole(
                        stack.resultBase().resolve("/v1/quality-statuses"), REGULATOR, TokenContract.REGULATOR, body);
                if (answer.status() != 201) {
                    throw new IllegalStateException("recording the EQA pass of " + issuer + " for " + item
                            + " answered " + answer.status() + " " + answer.body());
                }
                recorded++;
            }
        }
        out.printf(
                Locale.ROOT,
                "  EQA passes (POST /v1/quality-statuses as %s) for %s at %d issuers: %d recorded, %d present; %s"
                        + " left without, so its lab results are NO_VALID_EQA%n",
                REGULATOR,
                labItems,
                ResultBulkLoad.ISSUERS.size() - WITHOUT_EQA.size(),
                recorded,
                present,
                WITHOUT_EQA);
    }

    private void printSetup(ResultBenchOptions options, LiveStack stack) {
        out.println("Sanyi bench: result recognition (checks before ordering, batch publishing) against the running"
                + " stack");
        out.println("  machine:  " + MachineDescription.current().describe());
        out.println("  service:  " + SERVICE + " " + stack.result().baseUrl() + ", JVM "
                + stack.jvmOptionsOf(SERVICE).orElse("(options unknown)") + "; PostgreSQL "
                + stack.jdbcUrl(stack.result().database()));
        out.println("  client:   this JVM ("
                + String.join(
                        " ",
                        java.lang.management.ManagementFactory.getRuntimeMXBean()
                                .getInputArguments())
                + "), Vert.x HTTP/1.1 client on one event loop, keep-alive pool, same machine as the stack");
        out.printf(
                Locale.ROOT,
                "  data:     %,d results (%d per person over %s) from %d issuers of the 宁德 seed, specimen dates over"
                        + " the last 2 years; persons with GB 11643 resident IDs of %d 宁德 counties (sequence codes"
                        + " reserved for centenarians, %,d possible)%n",
                options.results(),
                SyntheticPersons.RESULTS_PER_PERSON,
                ResultBulkLoad.ITEMS,
                ResultBulkLoad.ISSUERS.size(),
                SyntheticPersons.REGIONS.size(),
                SyntheticPersons.CAPACITY);
        out.printf(
                Locale.ROOT,
                "  options:  --results %d --duration %d --concurrency %d --warmup %d%n%n",
                options.results(),
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
}
