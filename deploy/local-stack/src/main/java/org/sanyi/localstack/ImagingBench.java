package org.sanyi.localstack;

import java.io.PrintStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sanyi.kernel.PatientIdentifierSystem;
import org.sanyi.localstack.bench.BenchTargets;
import org.sanyi.localstack.bench.DatabaseWork;
import org.sanyi.localstack.bench.ImagingBenchOptions;
import org.sanyi.localstack.bench.ImagingBulkLoad;
import org.sanyi.localstack.bench.ImagingLoad;
import org.sanyi.localstack.bench.ImagingRequestFactory;
import org.sanyi.localstack.bench.LatencySummary;
import org.sanyi.localstack.bench.LoadClient;
import org.sanyi.localstack.bench.LoadPhases;
import org.sanyi.localstack.bench.LoadRequests;
import org.sanyi.localstack.bench.MachineDescription;
import org.sanyi.localstack.bench.PhaseObservation;
import org.sanyi.localstack.bench.PhaseResult;
import org.sanyi.localstack.bench.ResultBulkLoad;
import org.sanyi.localstack.bench.ServiceProfile;
import org.sanyi.localstack.bench.SyntheticPersons;
import org.sanyi.localstack.exchange.ApiAnswer;
import org.sanyi.localstack.exchange.ExchangeClient;
import org.sanyi.localstack.exchange.HospitalTokens;
import org.sanyi.tokens.TokenContract;

/**
 * {@code bench imaging}: (1) bulk-loads the running stack's database {@code imaging} with millions of synthetic studies
 * (directly, not through the API), then loads imaging-service with QIDO-RS searches of patients with 50 studies each,
 * access decision and look record included, (a) in a closed loop and (b) at a fixed rate (open loop, latency from each
 * request's scheduled send time), and (c) registers studies in batches; it prints latency, throughput and CPU per
 * operation next to the targets of issue 9. A measurement, not a test: exit code 0 whether targets are met or not.
 */
final class ImagingBench {

    private static final String SERVICE = LiveStack.IMAGING_SERVICE;

    static final int BATCH_CONCURRENCY = 4;

    /** The most the bench waits for the outbox relay and the audit sealer to catch up between phases. */
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(120);

    private static final PhaseObservation.Unit SEARCH = new PhaseObservation.Unit("search", "search");
    private static final PhaseObservation.Unit REGISTERED_STUDY =
            new PhaseObservation.Unit("study", "registered study");

    private final PrintStream out;

    ImagingBench(PrintStream out) {
        this.out = out;
    }

    int run(ImagingBenchOptions options, StackContext context) throws Exception {
        LiveStack stack;
        try {
            stack = LiveStack.connect(context, List.of(SERVICE));
        } catch (LiveStack.NotReadyException e) {
            System.err.println(e.getMessage());
            return LiveStack.NOT_RUNNING;
        }
        printSetup(options, stack);

        String database = stack.imaging().database();
        String jdbcUrl = stack.jdbcUrl(database);
        out.printf(
                Locale.ROOT,
                "(1) Bulk load of %,d studies for %,d synthetic persons (%d searched, %d studies each) into database %s"
                        + " (%s) with COPY, directly, not through the API%n",
                options.studies(),
                options.persons(),
                ImagingBulkLoad.SEARCHED_PERSONS,
                ImagingBulkLoad.STUDIES_PER_SEARCHED_PERSON,
                database,
                jdbcUrl);
        ImagingBulkLoad.Report loaded = new ImagingBulkLoad(
                        jdbcUrl, LocalPostgres.USERNAME, LocalPostgres.PASSWORD, stack.pseudonymizer(), out)
                .ensure(options.studies());
        long stored = loaded.after();
        int searchable = loaded.searchablePersons();
        long perPatient = loaded.studiesPerSearchedPerson();
        out.printf(
                Locale.ROOT,
                "  index: %,d studies, table study with its indexes %s; %d searched persons with %d studies each (at"
                        + " least)%n",
                stored,
                sizeOfStudyTable(jdbcUrl),
                searchable,
                perPatient);
        if (searchable == 0) {
            System.err.println("No searched person has a study; load more studies (--studies).");
            return 1;
        }

        HospitalTokens tokens = new HospitalTokens(stack.tokenSigner(), stack.tokenAudiences(), "bench");
        ExchangeClient client = new ExchangeClient(tokens);
        ImagingRequestFactory requests = new ImagingRequestFactory(
                searchable, loaded.persons(), Long.toString(Instant.now().getEpochSecond()));
        if (!checkOneSearch(client, stack, loaded.studiesOf(0))) {
            return 1;
        }

        URI metrics = stack.imagingBase().resolve("/q/metrics");
        DatabaseWork work = stack.databaseWork(database);
        int batchSize = BenchTargets.REGISTRATION_BATCH_SIZE;

        PhaseResult closed;
        PhaseObservation.Cost closedCost;
        PhaseResult open;
        PhaseObservation.Cost openCost;
        try (LoadClient load = new LoadClient(stack.imagingBase(), options.concurrency())) {
            LoadRequests searches = ImagingLoad.searches(load, tokens, requests);
            if (!options.warmup().isZero()) {
                out.printf(
                        Locale.ROOT,
                        "%nWarm-up: searches in a closed loop, %d in flight, %d s, then batches of %d, %d in flight,"
                                + " %d s (not measured)%n",
                        options.concurrency(),
                        options.warmup().toSeconds(),
                        batchSize,
                        BATCH_CONCURRENCY,
                        batchWarmup(options).toSeconds());
                PhaseResult warmup = LoadPhases.closedLoop(searches, options.concurrency(), options.warmup(), id -> {});
                out.printf(
                        Locale.ROOT,
                        "  %d searches (%.0f/s)%s%n",
                        warmup.created(),
                        warmup.createdPerSecond(),
                        BenchCommand.failures(warmup));
                try (LoadClient batchLoad = new LoadClient(stack.imagingBase(), BATCH_CONCURRENCY)) {
                    PhaseResult batches = LoadPhases.closedLoop(
                            ImagingLoad.batches(batchLoad, tokens, requests, batchSize),
                            BATCH_CONCURRENCY,
                            batchWarmup(options),
                            id -> {});
                    out.printf(
                            Locale.ROOT,
                            "  %d batches (%.0f studies/s)%s%n",
                            batches.created(),
                            batches.createdPerSecond() * batchSize,
                            BenchCommand.failures(batches));
                }
                awaitQuiet(jdbcUrl, "warm-up");
            }

            out.printf(
                    Locale.ROOT,
                    "%n(a) Maximum throughput: QIDO-RS GET /dicomweb/studies?PatientID=…&IssuerOfPatientID=… as %s"
                            + " (hospital), closed loop, %d in flight, %d s, a random searched person each (%d studies"
                            + " of %s, disclosed on the 医共体 basis)%n",
                    ImagingRequestFactory.SEARCHER,
                    options.concurrency(),
                    options.duration().toSeconds(),
                    perPatient,
                    ImagingBulkLoad.SEARCHED_SOURCE);
            ServiceProfile profile = options.profile() ? BenchCommand.startProfile(SERVICE, stack, context) : null;
            PhaseObservation closedObservation =
                    PhaseObservation.start(client, metrics, stack.componentsByPid(), work, ImagingLoad.SEARCH_ENDPOINT);
            closed = LoadPhases.closedLoop(searches, options.concurrency(), options.duration(), id -> {});
            closedCost = closedObservation.finish(closed.elapsed(), closed.sent(), closed.created(), SEARCH);
            printPhase(closed, closedCost);
            if (profile != null) {
                BenchCommand.printProfile(out, SERVICE, profile.stop(), context);
            }
            out.printf(
                    Locale.ROOT,
                    "  made %d searches in %.1f s = %.0f searches/s%s%n",
                    closed.created(),
                    closed.elapsed().toNanos() / 1e9,
                    closed.createdPerSecond(),
                    BenchCommand.failures(closed));
            awaitQuiet(jdbcUrl, "phase (a)");

            out.printf(
                    Locale.ROOT,
                    "%n(b) Fixed rate: %d searches/s for %d s (open loop) over at most %d connections, latency from each"
                            + " request's scheduled send time%n",
                    options.rate(),
                    options.duration().toSeconds(),
                    options.concurrency());
            PhaseObservation openObservation =
                    PhaseObservation.start(client, metrics, stack.componentsByPid(), work, ImagingLoad.SEARCH_ENDPOINT);
            open = LoadPhases.openLoop(searches, options.rate(), options.duration(), options.concurrency(), id -> {});
            openCost = openObservation.finish(open.elapsed(), open.sent(), open.created(), SEARCH);
            printPhase(open, openCost);
            out.printf(
                    Locale.ROOT,
                    "  sent %d, made %d (%.0f/s)%s; client send lag behind schedule: %s%n",
                    open.sent(),
                    open.created(),
                    open.createdPerSecond(),
                    BenchCommand.failures(open),
                    open.sendLag().describe());
            awaitQuiet(jdbcUrl, "phase (b)");
        }

        out.printf(
                Locale.ROOT,
                "%n(c) Registration: POST /v1/study-batches of %d studies as %s (one series each; half of known"
                        + " patients, half new), closed loop, %d in flight, %d s%n",
                batchSize,
                ImagingRequestFactory.REGISTRAR,
                BATCH_CONCURRENCY,
                options.duration().toSeconds());
        PhaseResult batches;
        PhaseObservation.Cost batchCost;
        try (LoadClient load = new LoadClient(stack.imagingBase(), BATCH_CONCURRENCY)) {
            LoadRequests registering = ImagingLoad.batches(load, tokens, requests, batchSize);
            ServiceProfile profile = options.profile() ? BenchCommand.startProfile(SERVICE, stack, context) : null;
            PhaseObservation observation =
                    PhaseObservation.start(client, metrics, stack.componentsByPid(), work, ImagingLoad.BATCH_ENDPOINT);
            batches = LoadPhases.closedLoop(registering, BATCH_CONCURRENCY, options.duration(), id -> {});
            batchCost = observation.finish(
                    batches.elapsed(), batches.sent(), batches.created() * batchSize, REGISTERED_STUDY);
            printPhase(batches, batchCost);
            if (profile != null) {
                BenchCommand.printProfile(out, SERVICE, profile.stop(), context);
            }
        }
        double seconds = batches.elapsed().toNanos() / 1e9;
        out.printf(
                Locale.ROOT,
                "  registered %d batches = %d studies in %.1f s = %.0f studies/s%s%n",
                batches.created(),
                batches.created() * batchSize,
                seconds,
                seconds <= 0 ? 0 : batches.created() * batchSize / seconds,
                BenchCommand.failures(batches));

        out.printf(Locale.ROOT, "%nResults against targets%n");
        out.print(BenchTargets.render(List.of(
                BenchTargets.qidoP99(open, options.rate(), stored, perPatient),
                BenchTargets.registration(batches, batchSize, BATCH_CONCURRENCY))));
        if (stored < BenchTargets.QIDO_STUDIES_STORED) {
            out.printf(
                    Locale.ROOT,
                    "  Note: the search target is defined with %,d studies indexed; this run had %,d (--studies), so it"
                            + " cannot pass.%n",
                    BenchTargets.QIDO_STUDIES_STORED,
                    stored);
        }
        out.printf(
                Locale.ROOT,
                "  QIDO-RS search, closed loop (%d in flight): %.0f searches/s, p50 %s, p99 %s (the target's p99 is"
                        + " held at the fixed rate; here the service is saturated)%n",
                options.concurrency(),
                closed.createdPerSecond(),
                LatencySummary.ms(closed.latency().p50()),
                LatencySummary.ms(closed.latency().p99()));
        out.printf(
                Locale.ROOT,
                "  QIDO-RS search at %d/s: p50 %s, p90 %s, p99 %s, max %s%n",
                options.rate(),
                LatencySummary.ms(open.latency().p50()),
                LatencySummary.ms(open.latency().p90()),
                LatencySummary.ms(open.latency().p99()),
                LatencySummary.ms(open.latency().max()));
        out.printf(
                Locale.ROOT,
                "  CPU per search (closed loop): %s %.2f ms, PostgreSQL %.2f ms, server total %.2f ms; bench client"
                        + " %.2f ms per request%n",
                SERVICE,
                closedCost.cpuMs(SERVICE),
                closedCost.cpuMs(PhaseObservation.POSTGRES),
                closedCost.serverCpuMs(SERVICE),
                closedCost.clientCpuMsPerRequest());
        out.printf(
                Locale.ROOT,
                "  CPU per search at %d/s: %s %.2f ms, PostgreSQL %.2f ms; %.2f commits, %.1f statements per search%n",
                options.rate(),
                SERVICE,
                openCost.cpuMs(SERVICE),
                openCost.cpuMs(PhaseObservation.POSTGRES),
                openCost.database().commits(),
                openCost.database().statements());
        out.printf(
                Locale.ROOT,
                "  CPU per registered study: %s %.3f ms, PostgreSQL %.3f ms, server total %.3f ms; %.3f commits, %.2f"
                        + " statements and %.0f WAL bytes per study%n",
                SERVICE,
                batchCost.cpuMs(SERVICE),
                batchCost.cpuMs(PhaseObservation.POSTGRES),
                batchCost.serverCpuMs(SERVICE),
                batchCost.database().commits(),
                batchCost.database().statements(),
                batchCost.database().walBytes());
        return 0;
    }

    private static Duration batchWarmup(ImagingBenchOptions options) {
        return options.warmup().compareTo(Duration.ofSeconds(10)) < 0 ? options.warmup() : Duration.ofSeconds(10);
    }

    /**
     * One search before the phases, read in full: it must disclose the searched person's studies, else the phases
     * would measure refusals or empty answers.
     */
    private boolean checkOneSearch(ExchangeClient client, LiveStack stack, long expected) throws Exception {
        ApiAnswer answer = client.call(
                "GET",
                stack.imagingBase()
                        .resolve("/dicomweb/studies?PatientID=" + SyntheticPersons.residentId(0) + "&IssuerOfPatientID="
                                + PatientIdentifierSystem.RESIDENT_ID.uri()),
                ImagingRequestFactory.SEARCHER,
                TokenContract.HOSPITAL,
                null,
                Map.of("Accept", "application/dicom+json, application/problem+json"));
        int studies = answer.body().isArray() ? answer.body().size() : 0;
        out.printf(
                Locale.ROOT,
                "  check: one search for searched person 0 as %s answered HTTP %d with %d studies (expected %d)%n",
                ImagingRequestFactory.SEARCHER,
                answer.status(),
                studies,
                expected);
        if (answer.status() != 200 || studies != expected) {
            System.err.println("The search did not disclose the searched person's studies: HTTP " + answer.status()
                    + " " + answer.body());
            return false;
        }
        return true;
    }

    /**
     * Waits until the outbox relay has published every event and the audit sealer has sealed every record written so
     * far, so that one phase's backlog is not worked off, and counted, in the next.
     */
    private void awaitQuiet(String jdbcUrl, String phase) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + QUIET_TIMEOUT.toNanos();
        long pending;
        long unsealed;
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl, LocalPostgres.USERNAME, LocalPostgres.PASSWORD);
                Statement select = connection.createStatement()) {
            while (true) {
                pending = count(
                        select, "select count(*) from outbox_message where published_at is null and parked_at is null");
                unsealed = count(select, "select count(*) from audit_record where chain_seq is null");
                if ((pending == 0 && unsealed == 0) || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (pending == 0 && unsealed == 0) {
            out.printf(
                    Locale.ROOT, "  outbox and audit chain caught up with %s %.1f s after it ended%n", phase, seconds);
        } else {
            out.printf(
                    Locale.ROOT,
                    "  after %.0f s, %d events of %s still unpublished and %d audit records unsealed; going on%n",
                    seconds,
                    pending,
                    phase,
                    unsealed);
        }
    }

    private static long count(Statement select, String sql) throws SQLException {
        try (ResultSet row = select.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static String sizeOfStudyTable(String jdbcUrl) {
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl, LocalPostgres.USERNAME, LocalPostgres.PASSWORD);
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("select pg_size_pretty(pg_total_relation_size('study'))")) {
            return row.next() ? row.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    private void printSetup(ImagingBenchOptions options, LiveStack stack) {
        out.println("Sanyi bench: imaging (QIDO-RS search with the access decision, batch registration) against the"
                + " running stack");
        out.println("  machine:  " + MachineDescription.current().describe());
        out.println("  service:  " + SERVICE + " " + stack.imaging().baseUrl() + ", JVM "
                + stack.jvmOptionsOf(SERVICE).orElse("(options unknown)") + "; PostgreSQL "
                + stack.jdbcUrl(stack.imaging().database()));
        out.println("  client:   this JVM ("
                + String.join(
                        " ",
                        java.lang.management.ManagementFactory.getRuntimeMXBean()
                                .getInputArguments())
                + "), Vert.x HTTP/1.1 client on one event loop, keep-alive pool, same machine as the stack");
        out.printf(
                Locale.ROOT,
                "  data:     %,d studies: %d searched persons with %d studies each from %s (every %dth row, spread over"
                        + " the table), the others %d per person from %d sources of the 宁德 seed; one series each,"
                        + " start times over the last 4 years; persons with GB 11643 resident IDs (sequence codes"
                        + " reserved for centenarians)%n",
                options.studies(),
                ImagingBulkLoad.SEARCHED_PERSONS,
                ImagingBulkLoad.STUDIES_PER_SEARCHED_PERSON,
                ImagingBulkLoad.SEARCHED_SOURCE,
                ImagingBulkLoad.STRIDE,
                ImagingBulkLoad.STUDIES_PER_OTHER_PERSON,
                ResultBulkLoad.ISSUERS.size());
        out.printf(
                Locale.ROOT,
                "  options:  --studies %d --duration %d --concurrency %d --rate %d --warmup %d%s%n%n",
                options.studies(),
                options.duration().toSeconds(),
                options.concurrency(),
                options.rate(),
                options.warmup().toSeconds(),
                options.profile() ? " --profile" : "");
    }

    private void printPhase(PhaseResult result, PhaseObservation.Cost cost) {
        out.println("  latency:  " + result.latency().describe());
        cost.lines().forEach(line -> out.println("  " + line));
        if (result.firstFailure() != null) {
            out.println("  first failure: " + result.firstFailure());
        }
    }
}
