package org.sanyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventType;
import org.sanyi.platform.groupcommit.GroupCommit;
import org.sanyi.platform.groupcommit.GroupCommitException;
import org.sanyi.platform.groupcommit.WriteSet;
import org.sanyi.platform.http.IdempotencyKeys;
import org.sanyi.platform.outbox.Outbox;
import org.sanyi.platform.probe.ProbeResource;
import org.sanyi.testing.SanyiTestInfrastructure;

/**
 * Write sets of concurrent requests commit together, yet each keeps its own fate: a set that breaks a constraint
 * fails alone, a set whose Idempotency-Key was claimed writes nothing, and staged events reach the relay. The writer
 * is held on a table lock while the sets queue, so the sets form one batch whatever the machine's speed.
 */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class GroupCommitTest {

    private static final String CHANGE = "insert into probe_change (aggregate, revision) values (?, ?)";
    private static final String RECEIVED =
            "insert into probe_received (event_id, aggregate, revision) values (?, ?, ?)";

    @Inject
    GroupCommit groupCommit;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    private final ExecutorService requests = Executors.newFixedThreadPool(12);

    @AfterEach
    void stopRequests() {
        requests.shutdownNow();
    }

    @Test
    void setsThatArriveTogetherCommitInOneTransaction() throws Exception {
        String aggregate = "GC-" + UUID.randomUUID();
        long batchesBefore = batches();

        List<Future<GroupCommit.Outcome>> outcomes = whileWriterHeld(10, i -> new WriteSet()
                .insertRow(CHANGE, aggregate, (long) i)
                .insertRow(RECEIVED, "event-" + i, aggregate, (long) i));

        for (Future<GroupCommit.Outcome> outcome : outcomes) {
            assertThat(outcome.get()).isEqualTo(GroupCommit.Outcome.COMMITTED);
        }
        assertThat(count("select count(*) from probe_change where aggregate = ?", aggregate))
                .isEqualTo(10);
        assertThat(count(
                        "select count(*) from probe_received where aggregate = ? and event_id = 'event-' || revision",
                        aggregate))
                .isEqualTo(10);
        // The first set went alone (the writer then waited for the lock); the nine behind it went as one batch.
        assertThat(batches() - batchesBefore).isEqualTo(2);
        assertThat(meters.get("sanyi.group.commit.batch.size").summary().max()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void aSetThatBreaksAConstraintFailsAloneAndTheOthersCommit() throws Exception {
        String aggregate = "GC-" + UUID.randomUUID();

        List<Future<GroupCommit.Outcome>> outcomes = whileWriterHeld(
                6,
                i -> i == 3
                        // event_id is not null: this set cannot be written, in a batch or alone
                        ? new WriteSet().insertRow(CHANGE, aggregate, (long) i).insertRow(RECEIVED, null, aggregate, 1L)
                        : new WriteSet().insertRow(CHANGE, aggregate, (long) i));

        for (int i = 0; i < outcomes.size(); i++) {
            if (i == 3) {
                Future<GroupCommit.Outcome> broken = outcomes.get(i);
                assertThatThrownBy(broken::get).hasCauseInstanceOf(GroupCommitException.class);
            } else {
                assertThat(outcomes.get(i).get()).isEqualTo(GroupCommit.Outcome.COMMITTED);
            }
        }
        assertThat(count("select count(*) from probe_change where aggregate = ?", aggregate))
                .isEqualTo(5);
        assertThat(count("select count(*) from probe_change where aggregate = ? and revision = 3", aggregate))
                .isZero();
    }

    @Test
    void ofTwoSetsWithOneKeyOnlyOneWritesAndALaterOneWritesNothing() throws Exception {
        String aggregate = "GC-" + UUID.randomUUID();
        String key = "key-" + aggregate;
        List<String> resources = List.of("first-" + aggregate, "second-" + aggregate, "third-" + aggregate);

        List<Future<GroupCommit.Outcome>> outcomes = whileWriterHeld(2, i -> new WriteSet()
                .claim(new IdempotencyKeys.Claim("NDXP-H01", "probe", key, "hash", resources.get(i)))
                .insertRow(CHANGE, aggregate, (long) i));

        List<GroupCommit.Outcome> both =
                List.of(outcomes.get(0).get(), outcomes.get(1).get());
        assertThat(both)
                .containsExactlyInAnyOrder(GroupCommit.Outcome.COMMITTED, GroupCommit.Outcome.KEY_CLAIMED_BEFORE);
        assertThat(count("select count(*) from probe_change where aggregate = ?", aggregate))
                .isEqualTo(1);
        int winner = both.get(0) == GroupCommit.Outcome.COMMITTED ? 0 : 1;
        assertThat(count("select count(*) from probe_change where aggregate = ? and revision = ?", aggregate, winner))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from idempotency_key where idempotency_key = ? and resource_id = ?",
                        key,
                        resources.get(winner)))
                .isEqualTo(1);

        GroupCommit.Outcome later = groupCommit.commit(new WriteSet()
                .claim(new IdempotencyKeys.Claim("NDXP-H01", "probe", key, "hash", resources.get(2)))
                .insertRow(CHANGE, aggregate, 2L));
        assertThat(later).isEqualTo(GroupCommit.Outcome.KEY_CLAIMED_BEFORE);
        assertThat(count("select count(*) from probe_change where aggregate = ?", aggregate))
                .isEqualTo(1);
    }

    @Test
    void aStagedEventIsStoredWithItsSetAndPublished() throws Exception {
        String aggregate = "GC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        WriteSet writes = new WriteSet().insertRow(CHANGE, aggregate, 1L);
        UUID eventId =
                outbox.stage(writes, EventType.INSTITUTION_UPSERTED, aggregate, ProbeResource.snapshot(aggregate, 1));

        assertThat(count("select count(*) from outbox_message where id = ?", eventId))
                .isZero();
        assertThat(groupCommit.commit(writes)).isEqualTo(GroupCommit.Outcome.COMMITTED);

        // The platform's tests keep published rows (retention P7D): published_at says the relay sent it.
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        count("select count(*) from outbox_message where id = ? and published_at is not null", eventId)
                                == 1);
    }

    @Test
    void rowsInsertedInACallersTransactionCommitOrRollBackWithIt() throws Exception {
        String aggregate = "GC-" + UUID.randomUUID();
        WriteSet kept = new WriteSet();
        WriteSet dropped = new WriteSet();
        for (int i = 0; i < 3; i++) {
            kept.insertRow(CHANGE, aggregate, (long) i);
            dropped.insertRow(CHANGE, aggregate, 100L + i);
        }

        QuarkusTransaction.requiringNew().run(() -> groupCommit.insertInTransaction(kept));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    groupCommit.insertInTransaction(dropped);
                    throw new IllegalStateException("the use case fails after writing");
                }))
                .hasMessageContaining("fails after writing");

        assertThat(count("select count(*) from probe_change where aggregate = ?", aggregate))
                .isEqualTo(3);
        assertThat(count("select count(*) from probe_change where aggregate = ? and revision >= 100", aggregate))
                .isZero();
    }

    /**
     * Submits {@code sets} write sets while a transaction holds an exclusive lock on probe_change: the writer takes
     * the first and waits for the lock, the others queue behind it; then the lock is released.
     */
    private List<Future<GroupCommit.Outcome>> whileWriterHeld(int sets, Function<Integer, WriteSet> writeSet)
            throws Exception {
        List<Future<GroupCommit.Outcome>> outcomes = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("lock table probe_change in access exclusive mode");
            }
            outcomes.add(requests.submit(() -> groupCommit.commit(writeSet.apply(0))));
            awaitWriterBlocked();
            for (int i = 1; i < sets; i++) {
                int index = i;
                outcomes.add(requests.submit(() -> groupCommit.commit(writeSet.apply(index))));
            }
            // The queued sets are taken as one batch once the writer is free again.
            Thread.sleep(300);
            holder.rollback();
        }
        return outcomes;
    }

    /** Waits until a backend waits for the lock on probe_change: the writer holds the first set. */
    private void awaitWriterBlocked() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                                + " where c.relname = 'probe_change' and not l.granted")
                        > 0);
    }

    private long batches() {
        return meters.get("sanyi.group.commit.batch.size").summary().count();
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
