package org.sanyi.directory.replica;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
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
 */
@Singleton
public class DirectoryReplicaConsumer {

    private static final Logger LOG = Logger.getLogger(DirectoryReplicaConsumer.class);
    private static final List<String> TOPICS =
            List.of(Topic.DIRECTORY_INSTITUTIONS.topicName(), Topic.DIRECTORY_GROUPS.topicName());

    @Inject
    DirectoryReplica replica;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "sanyi.directory-replica.enabled", defaultValue = "true")
    boolean enabled;

    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile long skippedRecords;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread worker;
    private Map<TopicPartition, Long> endOffsetsAtStart;

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            caughtUp = true;
            return;
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, serviceName + "-directory-replica-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        worker = new Thread(this::run, "directory-replica");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True once everything that was on the topics when this instance started has been applied. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public long skippedRecords() {
        return skippedRecords;
    }

    private void run() {
        try {
            consumer.subscribe(TOPICS);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    applyRecord(record);
                }
                checkCaughtUp();
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("Directory replica stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void checkCaughtUp() {
        if (caughtUp || consumer.assignment().isEmpty()) {
            return;
        }
        if (endOffsetsAtStart == null) {
            endOffsetsAtStart = new HashMap<>(consumer.endOffsets(consumer.assignment()));
        }
        boolean reached = endOffsetsAtStart.entrySet().stream()
                .allMatch(e ->
                        !consumer.assignment().contains(e.getKey()) || consumer.position(e.getKey()) >= e.getValue());
        if (reached) {
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
                replica.apply(mapper.readValue(record.value(), InstitutionSnapshot.class));
            } else if (type == EventType.MEDICAL_GROUP_UPSERTED) {
                replica.apply(mapper.readValue(record.value(), MedicalGroupSnapshot.class));
            } else {
                skip(record, "unknown event type " + event.type());
            }
        } catch (Exception e) {
            skip(record, e.toString());
        }
    }

    /** A replica cannot stop for one bad record: it is counted, logged and left on the topic for inspection. */
    private void skip(ConsumerRecord<String, byte[]> record, String reason) {
        skippedRecords++;
        LOG.warnf(
                "Directory replica skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    }
}
