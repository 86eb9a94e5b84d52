package org.sanyi.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.sanyi.events.Topic;
import org.sanyi.platform.events.EventEnvelope;
import org.sanyi.platform.inbox.InboxPurge;
import org.sanyi.platform.kafka.TopicProvisioner;

/**
 * Publishes committed outbox rows to Kafka in insertion order, with an idempotent producer ({@code acks=all}), and
 * deletes them (or, with a retention, marks them published) only after the broker acknowledged them. While Kafka is
 * away it backs off and retries the same rows; nothing is lost across restarts because the rows stay in the table
 * until acknowledged. Delivery is at least once: a crash between acknowledgement and that delete re-sends rows with
 * the same event id, which consumers drop through their inbox.
 *
 * <p>Per key, order is kept even when one send fails: a batch goes out in rounds, the n-th row of every key in
 * round n, and a key whose row failed sends nothing more in that batch. Most batches hold one row per key and so
 * take one round trip. A row that keeps failing while the broker is reachable (too large, not authorised, ...) is
 * parked after {@code sanyi.outbox.max-attempts}: logged once at ERROR, counted in {@code sanyi.outbox.parked} and
 * reported by {@link OutboxHealth}. The later rows of its key wait behind it ({@code sanyi.outbox.blocked}) until an
 * operator releases or deletes it; other keys go on.
 *
 * <p>A PostgreSQL advisory lock makes one instance at a time the relay, which keeps per-key order when a service
 * runs several instances. Topics are checked (and created as the catalogue says) before the first send to them.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK_NAME = "sanyi-outbox-relay";
    private static final int MAX_ERROR_LENGTH = 2000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxBacklog backlog;

    @Inject
    TopicProvisioner topics;

    @Inject
    InboxPurge inboxPurge;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, CloudEvent> producer;
    private Timer commitToPublish;
    private Instant nextCleanup = Instant.EPOCH;

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        commitToPublish = Timer.builder("sanyi.outbox.commit.to.publish")
                .description("Time from the event's creation in the outbox to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        Gauge.builder("sanyi.outbox.pending", backlog, b -> b.current().pending())
                .description("Outbox rows not yet published, including those blocked behind a parked row")
                .register(meters);
        Gauge.builder(
                        "sanyi.outbox.oldest.pending.age",
                        backlog,
                        b -> b.current().oldestPendingAge().toMillis() / 1000.0)
                .description("Age of the oldest unpublished outbox row")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("sanyi.outbox.parked", backlog, b -> b.current().parked())
                .description("Outbox rows parked after too many failed sends; an operator must look at them")
                .register(meters);
        Gauge.builder("sanyi.outbox.blocked", backlog, b -> b.current().blocked())
                .description("Outbox rows waiting because an earlier row of their key is parked")
                .register(meters);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /** Called after a commit that wrote outbox rows. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        Duration backoff = config.initialBackoff();
        boolean unreachable = false;
        while (running && !Thread.currentThread().isInterrupted()) {
            cleanUp();
            try {
                Batch batch = relayOnce();
                if (unreachable && batch.acknowledged() > 0) {
                    LOG.info("Outbox relay reaches Kafka again");
                    unreachable = false;
                }
                if (batch.failed() == 0) {
                    backoff = config.initialBackoff();
                    if (batch.read() < config.batchSize()
                            && wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        // Let commits that land together go out together: one round trip for many rows.
                        Thread.sleep(config.linger().toMillis());
                    }
                    wakeUp.drainPermits();
                    continue;
                }
                if (batch.acknowledged() == 0) {
                    if (!unreachable) {
                        LOG.warnf("Outbox relay cannot publish, retrying with backoff: %s", batch.firstFailure());
                        unreachable = true;
                    }
                    // Nothing got through: start over with a fresh connection and fresh metadata.
                    closeProducer();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!unreachable) {
                    LOG.warnf("Outbox relay cannot publish, retrying with backoff: %s", e.toString());
                    unreachable = true;
                }
                closeProducer();
            }
            // A failed row is retried after a pause, never in a tight loop; rows of other keys wait that long too.
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0
                    ? config.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    /** What one batch did. */
    record Batch(int read, int acknowledged, int failed, String firstFailure) {}

    /** One batch: lock, read, send key by key in rounds, await acknowledgements, mark. */
    Batch relayOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return new Batch(0, 0, 0, null);
                }
                List<PendingRow> rows = readPending(connection);
                if (rows.isEmpty()) {
                    connection.commit();
                    return new Batch(0, 0, 0, null);
                }
                Set<Topic> batchTopics = EnumSet.noneOf(Topic.class);
                rows.stream().filter(row -> row.topic != null).forEach(row -> batchTopics.add(row.topic));
                if (!topics.ensureExists(batchTopics)) {
                    connection.rollback();
                    return new Batch(rows.size(), 0, rows.size(), "topics not provisioned: " + topics.lastFailure());
                }
                List<PendingRow> published = new ArrayList<>(rows.size());
                List<FailedSend> failures = send(rows, published);
                recordPublished(connection, published);
                if (!failures.isEmpty()) {
                    recordFailures(connection, failures, !published.isEmpty());
                }
                connection.commit();
                Instant now = Instant.now();
                for (PendingRow row : published) {
                    commitToPublish.record(Duration.between(row.occurredAt, now));
                }
                return new Batch(
                        rows.size(),
                        published.size(),
                        failures.size(),
                        failures.isEmpty() ? null : failures.get(0).error().toString());
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Sends {@code rows} (in {@code seq} order) so that no row is sent before the previous row of its key was
     * acknowledged within this batch; adds the acknowledged ones to {@code published}.
     *
     * @return the first failed row of every key that had one; later rows of those keys were not sent
     */
    private List<FailedSend> send(List<PendingRow> rows, List<PendingRow> published) throws InterruptedException {
        Map<String, ArrayDeque<PendingRow>> byKey = new LinkedHashMap<>();
        for (PendingRow row : rows) {
            byKey.computeIfAbsent(row.topicName + '/' + row.key, k -> new ArrayDeque<>())
                    .add(row);
        }
        KafkaProducer<String, CloudEvent> kafka = producer();
        List<FailedSend> failures = new ArrayList<>();
        while (!byKey.isEmpty()) {
            List<PendingRow> round = new ArrayList<>(byKey.size());
            List<Future<RecordMetadata>> acks = new ArrayList<>(byKey.size());
            for (Iterator<ArrayDeque<PendingRow>> keys = byKey.values().iterator(); keys.hasNext(); ) {
                ArrayDeque<PendingRow> ofKey = keys.next();
                PendingRow row = ofKey.poll();
                if (ofKey.isEmpty()) {
                    keys.remove();
                }
                round.add(row);
                acks.add(sendOne(kafka, row));
            }
            for (int i = 0; i < round.size(); i++) {
                PendingRow row = round.get(i);
                try {
                    acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    published.add(row);
                } catch (ExecutionException e) {
                    failures.add(new FailedSend(row, e.getCause() == null ? e : e.getCause()));
                    byKey.remove(row.topicName + '/' + row.key);
                } catch (java.util.concurrent.TimeoutException e) {
                    failures.add(new FailedSend(
                            row, new TimeoutException("no acknowledgement within " + config.sendTimeout())));
                    byKey.remove(row.topicName + '/' + row.key);
                }
            }
        }
        return failures;
    }

    private Future<RecordMetadata> sendOne(KafkaProducer<String, CloudEvent> kafka, PendingRow row) {
        try {
            if (row.topic == null) {
                // Outbox.publish only writes catalogue topics; a row written by hand elsewhere is parked, not sent.
                throw new IllegalStateException("topic " + row.topicName + " is not in the event catalogue");
            }
            return kafka.send(new ProducerRecord<>(row.topicName, row.key, row.toCloudEvent(serviceName)));
        } catch (RuntimeException e) {
            // Some failures (serialisation, a closed producer) are thrown rather than returned: the same to us.
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Counts a failed attempt for each row whose failure is its own: the broker accepted other rows of this batch,
     * or the error is not one that passes (a broker away counts nothing, however long the outage). Parks the rows
     * that reached the limit.
     */
    private void recordFailures(Connection connection, List<FailedSend> failures, boolean brokerReachable)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update outbox_message"
                + " set attempts = attempts + 1, last_error = ?,"
                + " parked_at = case when attempts + 1 >= ? then now() end"
                + " where id = ? returning attempts, parked_at is not null")) {
            for (FailedSend failure : failures) {
                PendingRow row = failure.row();
                if (!brokerReachable && failure.error() instanceof RetriableException) {
                    continue;
                }
                String error = failure.error().toString();
                update.setString(1, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
                update.setInt(2, config.maxAttempts());
                update.setObject(3, row.id);
                try (ResultSet result = update.executeQuery()) {
                    result.next();
                    int attempts = result.getInt(1);
                    if (result.getBoolean(2)) {
                        LOG.errorf(
                                "ALERT outbox event parked: %s %s of %s/%s failed %d times (%s); later events of this"
                                        + " key wait until it is released (set parked_at = null, attempts = 0) or"
                                        + " deleted",
                                row.eventType, row.id, row.topicName, row.key, attempts, error);
                    } else {
                        LOG.warnf(
                                "Outbox event %s of %s/%s failed (attempt %d of %d): %s",
                                row.id, row.topicName, row.key, attempts, config.maxAttempts(), error);
                    }
                }
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, LOCK_NAME);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Unpublished rows in {@code seq} order, except parked rows and the rows of keys that have one. */
    private List<PendingRow> readPending(Connection connection) throws SQLException {
        List<PendingRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select m.id, m.topic, m.message_key, m.event_type, m.data_schema, m.subject, m.occurred_at,"
                        + " m.payload from outbox_message m where m.published_at is null and m.parked_at is null"
                        + " and not exists (select 1 from outbox_message p where p.parked_at is not null"
                        + " and p.published_at is null and p.topic = m.topic and p.message_key = m.message_key)"
                        + " order by m.seq limit ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new PendingRow(
                            result.getObject(1, UUID.class),
                            result.getString(2),
                            topicNamed(result.getString(2)),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5),
                            result.getString(6),
                            result.getTimestamp(7).toInstant(),
                            result.getString(8)));
                }
            }
        }
        return rows;
    }

    private static Topic topicNamed(String name) {
        for (Topic topic : Topic.values()) {
            if (topic.topicName().equals(name)) {
                return topic;
            }
        }
        return null;
    }

    private void recordPublished(Connection connection, List<PendingRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Array ids = connection.createArrayOf(
                "uuid", rows.stream().map(PendingRow::id).toArray());
        if (config.retention().isZero()) {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from outbox_message where id = any(?)")) {
                delete.setArray(1, ids);
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("update outbox_message set published_at = ? where id = any(?)")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setArray(2, ids);
            update.executeUpdate();
        }
    }

    /**
     * Deletes published rows past their retention, and old inbox entries. Runs on every turn of the loop that is due,
     * also while sends fail, so a failing key never lets the table grow without bound.
     */
    private void cleanUp() {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(config.cleanupInterval());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_message where published_at is not null and published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(config.retention())));
            delete.executeUpdate();
            inboxPurge.purge();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Outbox and inbox clean-up failed, next attempt in %s: %s", config.cleanupInterval(), e);
        }
    }

    private KafkaProducer<String, CloudEvent> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.sendTimeout().toMillis());
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                    config.sendTimeout().toMillis());
            props.put(
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    (int) config.sendTimeout().toMillis() + 1);
            CloudEventSerializer serializer = new CloudEventSerializer();
            serializer.configure(Map.of(), false);
            producer = new KafkaProducer<>(props, new StringSerializer(), serializer);
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing the failed producer", e);
            }
            producer = null;
        }
    }

    /** Backoff ignores wake-ups: commits keep coming while Kafka is away. Shutdown interrupts it. */
    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record FailedSend(PendingRow row, Throwable error) {}

    private record PendingRow(
            UUID id,
            String topicName,
            Topic topic,
            String key,
            String eventType,
            String dataSchema,
            String subject,
            Instant occurredAt,
            String payload) {

        CloudEvent toCloudEvent(String serviceName) {
            return EventEnvelope.of(id, serviceName, eventType, dataSchema, subject, occurredAt, payload);
        }
    }
}
