package org.sanyi.directory.replica;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.sanyi.events.EventType;
import org.sanyi.events.Topic;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.platform.inbox.ReceivedEvent;

/**
 * Reads the directory's compacted topics from the beginning at every start and keeps {@link DirectoryReplica}
 * current. Applying a snapshot is idempotent (newest version wins), so there is nothing to commit: every instance
 * uses its own consumer group and rebuilds from the topic, which compaction keeps small.
 *
 * <p>The worker never ends on its own: when Kafka fails it (a {@code TimeoutException} from an unreachable broker),
 * it closes the consumer, waits, and starts a new one, keeping what it already knows. {@link DirectoryReplicaHealth}
 * reports a worker that stopped polling as not live.
 */
@Singleton
public class DirectoryReplicaConsumer {

    private static final Logger LOG = Logger.getLogger(DirectoryReplicaConsumer.class);
    private static final List<String> TOPICS =
            List.of(Topic.DIRECTORY_INSTITUTIONS.topicName(), Topic.DIRECTORY_GROUPS.topicName());
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    DirectoryReplica replica;

    @Inject
    ObjectMapper applicationMapper;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "sanyi.directory-replica.enabled", defaultValue = "true")
    boolean enabled;

    /** How long one Kafka call may block before the worker starts over (the client's default.api.timeout.ms). */
    @ConfigProperty(name = "sanyi.directory-replica.kafka-timeout", defaultValue = "PT60S")
    Duration kafkaTimeout;

    /**
     * Events are read leniently: a field the directory adds later is ignored, as docs/events promises. A new enum
     * constant still fails the record (it is counted and logged), because its meaning cannot be guessed.
     */
    private ObjectMapper eventMapper;

    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile long skippedRecords;
    private volatile long restarts;
    private volatile Instant lastPoll = Instant.now();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread worker;
    private Map<TopicPartition, Long> endOffsetsAtStart;

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            caughtUp = true;
            return;
        }
        eventMapper = applicationMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        running = true;
        worker = new Thread(this::run, "directory-replica");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * True once everything that was on both directory topics when this instance started has been applied and the
     * directory holds at least one institution: empty topics mean the directory has not published yet, so the
     * replica is not loaded (callers get 503, not "unknown institution").
     */
    public boolean caughtUp() {
        return caughtUp;
    }

    public long skippedRecords() {
        return skippedRecords;
    }

    /** How often the worker started a new consumer after Kafka failed it. */
    public long restarts() {
        return restarts;
    }

    /** Whether the worker still polls: false when it has been stuck or gone for longer than {@code window}. */
    public boolean polledWithin(Duration window) {
        if (!enabled) {
            return true;
        }
        return worker != null
                && worker.isAlive()
                && lastPoll.isAfter(Instant.now().minus(window));
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            consumer = newConsumer();
            try {
                consumer.subscribe(TOPICS);
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        applyRecord(record);
                    }
                    lastPoll = Instant.now();
                    checkCaughtUp();
                    backoff = Duration.ofSeconds(1);
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (RuntimeException e) {
                restarts++;
                LOG.errorf(
                        "Directory replica lost Kafka (%s); starting a new consumer in %d s, keeping %d institutions",
                        e.toString(), backoff.toSeconds(), replica.institutionCount());
            } finally {
                closeQuietly(consumer);
                endOffsetsAtStart = null;
            }
            if (running && !sleep(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, serviceName + "-directory-replica-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(kafkaTimeout.toMillis(), 30_000));
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void closeQuietly(KafkaConsumer<String, byte[]> consumer) {
        try {
            consumer.close(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debugf("Closing the directory replica consumer failed: %s", e);
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void checkCaughtUp() {
        if (caughtUp) {
            return;
        }
        var assignment = consumer.assignment();
        boolean bothTopicsAssigned = TOPICS.stream()
                .allMatch(topic -> assignment.stream().anyMatch(p -> p.topic().equals(topic)));
        if (!bothTopicsAssigned) {
            return;
        }
        if (endOffsetsAtStart == null) {
            endOffsetsAtStart = new HashMap<>(consumer.endOffsets(assignment));
        }
        boolean reached = endOffsetsAtStart.entrySet().stream()
                .allMatch(e -> !assignment.contains(e.getKey()) || consumer.position(e.getKey()) >= e.getValue());
        if (reached && replica.institutionCount() > 0) {
            caughtUp = true;
            LOG.infof(
                    "Directory replica caught up: %d institutions, %d groups",
                    replica.institutionCount(), replica.groupCount());
        }
    }

    private void applyRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            ReceivedEvent event = ReceivedEvent.of(record);
            EventType type = EventType.byCeType(event.type()).orElse(null);
            if (type == EventType.INSTITUTION_UPSERTED) {
                replica.apply(read(record, InstitutionSnapshot.class));
            } else if (type == EventType.MEDICAL_GROUP_UPSERTED) {
                replica.apply(read(record, MedicalGroupSnapshot.class));
            } else {
                skip(record, "unknown event type " + event.type());
            }
        } catch (Exception e) {
            skip(record, e.toString());
        }
    }

    private <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) throws java.io.IOException {
        return eventMapper.readValue(record.value(), type);
    }

    /** A replica cannot stop for one bad record: it is counted, logged and left on the topic for inspection. */
    private void skip(ConsumerRecord<String, byte[]> record, String reason) {
        skippedRecords++;
        LOG.warnf(
                "Directory replica skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    }
}
