package org.sanyi.platform.groupcommit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.sanyi.platform.http.IdempotencyKeys;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.outbox.OutboxRelay;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.PlatformProblem;
import org.sanyi.platform.problem.TransientFailures;

/**
 * Group commit for writes that read nothing first (a create): requests hand their {@link WriteSet} to one writer,
 * which inserts the sets that arrived together with one batched statement per table and commits them in one
 * transaction. While that commit waits for its flush, the next sets queue up, so under load PostgreSQL does one
 * commit, one WAL flush and a handful of multi-row statements for many requests instead of a transaction each.
 * Durability is unchanged: {@link #commit} returns only after the set's transaction committed.
 *
 * <p>A set that breaks a constraint must not take the others with it: when a batch fails, each of its sets is
 * written again in a transaction of its own, and only the offending one fails.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** What became of a write set. */
    public enum Outcome {
        /** Every row of the set is committed. */
        COMMITTED,
        /** The set's Idempotency-Key was claimed before; nothing of the set was written. */
        KEY_CLAIMED_BEFORE
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    /** Most write sets in one transaction. */
    @ConfigProperty(name = "sanyi.group-commit.max-batch", defaultValue = "256")
    int maxBatch;

    /** How long a request waits for its commit before it is answered 503 (the set may still commit later). */
    @ConfigProperty(name = "sanyi.group-commit.timeout", defaultValue = "30s")
    Duration timeout;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;
    private DistributionSummary batchSizes;
    private Counter separateRetries;

    void start(@Observes StartupEvent startup) {
        batchSizes = DistributionSummary.builder("sanyi.group.commit.batch.size")
                .description("Write sets committed together in one transaction")
                .register(meters);
        separateRetries = Counter.builder("sanyi.group.commit.separate.retries")
                .description("Batches that failed and were written again one set per transaction")
                .register(meters);
        running = true;
        writer = new Thread(this::run, "group-commit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(timeout.toMillis());
        }
    }

    /**
     * Inserts the set's rows in the caller's transaction, batched per statement as {@link #commit} does, and wakes the
     * outbox relay after that transaction commits: for a use case that reads before it writes and must stay one
     * transaction (a batch of results), yet writes many rows. An Idempotency-Key claim is not taken here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertInTransaction(WriteSet writes) {
        if (writes.claim() != null) {
            throw new IllegalArgumentException("claim Idempotency-Keys with IdempotencyKeys.claim in a transaction");
        }
        entityManager.unwrap(Session.class).doWork(connection -> WriteSet.insertRows(connection, List.of(writes)));
        if (writes.carriesEvents()) {
            outbox.wakeRelayAfterCommit();
        }
    }

    /**
     * Inserts and commits the set together with the sets of other requests; blocks until it committed.
     *
     * @throws ApiProblem 503 when the database cannot be reached or the commit takes longer than the timeout
     * @throws GroupCommitException when this set itself cannot be written (a constraint it breaks: a bug)
     */
    public Outcome commit(WriteSet writes) {
        if (writes.isEmpty()) {
            return Outcome.COMMITTED;
        }
        if (!running) {
            throw new ApiProblem(PlatformProblem.UNAVAILABLE, "The service is stopping; retry on another instance");
        }
        Pending pending = new Pending(writes);
        queue.add(pending);
        try {
            return pending.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiProblem(
                    PlatformProblem.UNAVAILABLE,
                    "The database did not commit within " + timeout.toSeconds() + " s; retry with the same"
                            + " Idempotency-Key");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(PlatformProblem.UNAVAILABLE, "Interrupted while waiting for the commit");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private static RuntimeException failure(Throwable cause) {
        if (cause instanceof SQLException sql && TransientFailures.isTransient(sql.getSQLState())) {
            return new ApiProblem(PlatformProblem.UNAVAILABLE, "The database is not available; retry shortly");
        }
        return new GroupCommitException(cause);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // write() completes every set; this is a last resort so the writer never dies.
                LOG.errorf(e, "Group commit writer failed on a batch of %d", batch.size());
                batch.forEach(pending -> pending.result.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        batchSizes.record(batch.size());
        try {
            writeTogether(batch);
            return;
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result.completeExceptionally(e);
                return;
            }
            LOG.debugf("A batch of %d write sets failed (%s); writing them one by one", batch.size(), e);
        }
        separateRetries.increment();
        for (Pending pending : batch) {
            try {
                writeTogether(List.of(pending));
            } catch (SQLException | RuntimeException e) {
                pending.result.completeExceptionally(e);
            }
        }
    }

    /** One transaction for every set of {@code batch}; completes each set's result once it committed. */
    private void writeTogether(List<Pending> batch) throws SQLException {
        Map<Pending, Outcome> outcomes = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Pending> writing = claimKeys(connection, batch, outcomes);
                WriteSet.insertRows(
                        connection,
                        writing.stream().map(pending -> pending.writes).toList());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        boolean wakeRelay = false;
        for (Pending pending : batch) {
            Outcome outcome = outcomes.getOrDefault(pending, Outcome.COMMITTED);
            wakeRelay |= outcome == Outcome.COMMITTED && pending.writes.carriesEvents();
            pending.result.complete(outcome);
        }
        if (wakeRelay) {
            relay.wake();
        }
    }

    /** Claims the batch's Idempotency-Keys in one statement; the sets whose key was taken write nothing. */
    private static List<Pending> claimKeys(Connection connection, List<Pending> batch, Map<Pending, Outcome> outcomes)
            throws SQLException {
        List<IdempotencyKeys.Claim> claims = new ArrayList<>();
        for (Pending pending : batch) {
            if (pending.writes.claim() != null) {
                claims.add(pending.writes.claim());
            }
        }
        if (claims.isEmpty()) {
            return batch;
        }
        Set<IdempotencyKeys.Claim> granted = IdempotencyKeys.claimAll(connection, claims);
        List<Pending> writing = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            IdempotencyKeys.Claim claim = pending.writes.claim();
            if (claim == null || granted.contains(claim)) {
                writing.add(pending);
            } else {
                outcomes.put(pending, Outcome.KEY_CLAIMED_BEFORE);
            }
        }
        return writing;
    }

    private static final class Pending {
        final WriteSet writes;
        final CompletableFuture<Outcome> result = new CompletableFuture<>();

        Pending(WriteSet writes) {
            this.writes = writes;
        }
    }
}
