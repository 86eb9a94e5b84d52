package org.sanyi.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sanyi.localstack.exchange.ExchangeClient;

/**
 * What the stack spends on one load phase: CPU per process (from {@code /proc}), the database's counters and the
 * loaded service's metrics, taken at the start of the phase and compared at its end, per unit of work done (a created
 * referral, a check, a published result).
 */
public final class PhaseObservation {

    /** The component names of the stack's PostgreSQL and of the launcher that hosts the broker. */
    public static final String POSTGRES = "PostgreSQL";

    public static final String BROKER = "launcher + Kafka broker";

    /**
     * How a phase's work is named in the report.
     *
     * @param per what CPU and statements are divided by, e.g. {@code create}: "0.52 ms/create"
     * @param done the same as a noun phrase, e.g. {@code created referral}: "CPU time per created referral"
     */
    public record Unit(String per, String done) {}

    public static final Unit CREATED_REFERRAL = new Unit("create", "created referral");

    /** What the stack spent on one phase, per unit of work. */
    public record Cost(
            List<String> lines,
            Map<String, Double> cpuMsPerUnit,
            double clientCpuMsPerRequest,
            DatabaseWork.PerCreate database) {

        /** CPU ms per unit of a component (a service's name, {@link #POSTGRES}, {@link #BROKER}); NaN if unknown. */
        public double cpuMs(String component) {
            return cpuMsPerUnit.getOrDefault(component, Double.NaN);
        }

        /** The server side as the issues count it: the service, PostgreSQL and the broker. */
        public double serverCpuMs(String service) {
            return cpuMs(service) + cpuMs(POSTGRES) + cpuMs(BROKER);
        }
    }

    private final ExchangeClient client;
    private final URI metrics;
    private final Map<Long, String> componentsByPid;
    private final DatabaseWork database;
    private final ServiceFigures.Endpoint endpoint;
    private final ProcessCpu.Snapshot cpu;
    private final DatabaseWork.Snapshot work;
    private final PrometheusSamples samples;

    private PhaseObservation(
            ExchangeClient client,
            URI metrics,
            Map<Long, String> componentsByPid,
            DatabaseWork database,
            ServiceFigures.Endpoint endpoint) {
        this.client = client;
        this.metrics = metrics;
        this.componentsByPid = componentsByPid;
        this.database = database;
        this.endpoint = endpoint;
        this.cpu = ProcessCpu.take(componentsByPid);
        this.work = database.take();
        this.samples = scrape(client, metrics);
    }

    /**
     * Takes the figures at the start of a phase.
     *
     * @param metrics the loaded service's {@code /q/metrics}
     * @param componentsByPid the stack's processes by pid, as the launcher's pid files name them
     * @param database the loaded service's database
     */
    public static PhaseObservation start(
            ExchangeClient client,
            URI metrics,
            Map<Long, String> componentsByPid,
            DatabaseWork database,
            ServiceFigures.Endpoint endpoint) {
        return new PhaseObservation(client, metrics, componentsByPid, database, endpoint);
    }

    /**
     * What the stack spent on the phase; CPU also per unit of work, the figure that bounds throughput.
     *
     * @param sent requests sent (the client's CPU is per request)
     * @param done units of work done (CPU, commits and statements are per unit)
     */
    public Cost finish(Duration elapsed, long sent, long done, Unit unit) {
        ProcessCpu.Snapshot cpuAfter = ProcessCpu.take(componentsByPid);
        DatabaseWork.PerCreate perUnit = DatabaseWork.perCreate(work, database.take(), done);
        PrometheusSamples samplesAfter = scrape(client, metrics);
        List<String> lines = new ArrayList<>();
        Map<String, Double> msPerUnit = new LinkedHashMap<>();
        double otherProcessCores = 0;
        double clientMs = Double.NaN;
        if (ProcessCpu.available()) {
            Map<String, Double> cores = ProcessCpu.coresUsed(cpu, cpuAfter);
            otherProcessCores = cores.getOrDefault(ProcessCpu.OTHER, 0.0);
            double seconds = (cpuAfter.nanoTime() - cpu.nanoTime()) / 1e9;
            List<String> parts = new ArrayList<>();
            cores.forEach((component, used) -> {
                if (!component.isEmpty()) {
                    double ms = done == 0 ? Double.NaN : used * seconds * 1000 / done;
                    msPerUnit.put(component, ms);
                    parts.add(String.format(Locale.ROOT, "%s %.2f (%.2f ms/%s)", component, used, ms, unit.per()));
                }
            });
            clientMs = sent == 0 ? Double.NaN : cores.getOrDefault(ProcessCpu.SELF, 0.0) * seconds * 1000 / sent;
            lines.add(String.format(
                    Locale.ROOT,
                    "CPU, cores of %d (CPU time per %s): %s; machine busy %.0f%%",
                    Runtime.getRuntime().availableProcessors(),
                    unit.done(),
                    String.join(", ", parts),
                    cores.getOrDefault("", 0.0) * 100));
        }
        lines.add(String.format(
                Locale.ROOT,
                "PostgreSQL per %s: %.2f commits, %s statements, %.0f WAL bytes%s",
                unit.per(),
                perUnit.commits(),
                Double.isNaN(perUnit.statements())
                        ? "? (pg_stat_statements not loaded)"
                        : String.format(Locale.ROOT, "%.2f", perUnit.statements()),
                perUnit.walBytes(),
                perUnit.topStatements().isEmpty() ? "" : "; calls per " + unit.per() + ":"));
        perUnit.topStatements().forEach(statement -> lines.add("  " + statement));
        if (!perUnit.slowestStatements().isEmpty()) {
            lines.add("PostgreSQL execution time per " + unit.per() + ", by statement (background work included):");
            perUnit.slowestStatements().forEach(statement -> lines.add("  " + statement));
        }
        lines.addAll(ServiceFigures.describe(endpoint, samples, samplesAfter, elapsed.toNanos() / 1e9));
        lines.addAll(ServiceFigures.interference(endpoint, samples, samplesAfter, sent, otherProcessCores));
        return new Cost(lines, msPerUnit, clientMs, perUnit);
    }

    private static PrometheusSamples scrape(ExchangeClient client, URI metrics) {
        try {
            return PrometheusSamples.parse(client.getText(metrics));
        } catch (IOException e) {
            return PrometheusSamples.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PrometheusSamples.empty();
        }
    }
}
