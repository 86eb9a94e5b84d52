package org.sanyi.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.sanyi.platform.events.EventEnvelope;

/**
 * Publishes committed outbox rows to Kafka in insertion order, with an idempotent producer ({@code acks=all}), and
 * marks them published only after the broker acknowledged them. While Kafka is away it backs off and retries the
 * same rows; nothing is lost across restarts because the rows stay in the table until acknowledged. Delivery is at
 * least once: a crash between acknowledgement and marking re-sends rows with the same event id, which consumers
 * drop through their inbox.
 *
 * <p>A PostgreSQL advisory lock makes one instance at a time the relay, which keeps per-key order when a service
 * runs several instances.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK_NAME = "sanyi-outbox-relay";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

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
        boolean failing = false;
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                int relayed = relayOnce();
                if (failing) {
                    LOG.info("Outbox relay reaches Kafka again");
                    failing = false;
                }
                backoff = config.initialBackoff();
                cleanUpPublished();
                if (relayed < config.batchSize()
                        && wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    // Let commits that land together go out together: one round trip for many rows.
                    Thread.sleep(config.linger().toMillis());
                }
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!failing) {
                    LOG.warnf("Outbox relay cannot publish, retrying with backoff: %s", e.toString());
                    failing = true;
                }
                closeProducer();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0
                        ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** One batch: lock, read, send, await acknowledgements, mark. Returns the number of rows read. */
    int relayOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<PendingRow> rows = readPending(connection);
                if (rows.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                KafkaProducer<String, CloudEvent> kafka = producer();
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (PendingRow row : rows) {
                    acks.add(kafka.send(new ProducerRecord<>(row.topic, row.key, row.toCloudEvent(serviceName))));
                }
                Set<UUID> published = new HashSet<>(rows.size());
                Set<String> keysWithFailure = new HashSet<>();
                Exception firstFailure = null;
                for (int i = 0; i < rows.size(); i++) {
                    PendingRow row = rows.get(i);
                    try {
                        acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                        // A later event of a key whose earlier event failed stays pending, so a retry cannot
                        // overtake it.
                        if (!keysWithFailure.contains(row.topic + '/' + row.key)) {
                            published.add(row.id);
                        }
                    } catch (Exception e) {
                        keysWithFailure.add(row.topic + '/' + row.key);
                        firstFailure = firstFailure == null ? e : firstFailure;
                    }
                }
                markPublished(connection, published);
                connection.commit();
                Instant now = Instant.now();
                for (PendingRow row : rows) {
                    if (published.contains(row.id)) {
                        commitToPublish.record(Duration.between(row.occurredAt, now));
                    }
                }
                if (firstFailure != null) {
                    throw firstFailure;
                }
                return rows.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
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

    private List<PendingRow> readPending(Connection connection) throws SQLException {
        List<PendingRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, topic, message_key, event_type, data_schema, subject, occurred_at, payload"
                        + " from outbox_message where published_at is null order by seq limit ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new PendingRow(
                            result.getObject(1, UUID.class),
                            result.getString(2),
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

    private void markPublished(Connection connection, Set<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("update outbox_message set published_at = ? where id = any(?)")) {
            Array idArray = connection.createArrayOf("uuid", ids.toArray());
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setArray(2, idArray);
            update.executeUpdate();
        }
    }

    private void cleanUpPublished() throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(Duration.ofMinutes(10));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_message where published_at is not null and published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(config.retention())));
            delete.executeUpdate();
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

    private record PendingRow(
            UUID id,
            String topic,
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
