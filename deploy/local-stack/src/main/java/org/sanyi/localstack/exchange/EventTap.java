package org.sanyi.localstack.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An independent reader of one event topic ({@code referral.events.v1}, {@code result.events.v1}), like an insurer's
 * or regulator's consumer: assigned to every partition and positioned at the end before a scenario starts, so it sees
 * exactly the events that follow. No consumer group, so nothing is committed and no rebalance delays the first
 * record.
 */
public final class EventTap implements AutoCloseable {

    /** Referral events, key = referral id (referral-service). */
    public static final String REFERRAL_EVENTS = "referral.events.v1";

    /** Result events (key = result id) and check and decision events (key = check id) of result-service. */
    public static final String RESULT_EVENTS = "result.events.v1";

    /** Imaging study events (registered, reading requested, reported…), keyed by study id. */
    public static final String IMAGING_EVENTS = "imaging.events.v1";

    /** Every look at a patient's studies, keyed by the patient's pseudonym. */
    public static final String IMAGING_ACCESS = "imaging.access.v1";

    /** One record as read, with the CloudEvents binary-mode headers it carried. */
    public record ObservedEvent(
            String key,
            String ceType,
            String ceId,
            Instant ceTime,
            Instant readAt,
            int partition,
            long offset,
            byte[] data) {

        /** The event data, or a missing node when it is not JSON. */
        public JsonNode json() {
            try {
                return ExchangeClient.JSON.readTree(data);
            } catch (IOException | RuntimeException e) {
                return MissingNode.getInstance();
            }
        }

        /** The part of the type that names the step, e.g. {@code requested}. */
        public String step() {
            String withoutVersion = ceType.replaceFirst("\\.v\\d+$", "");
            return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ObservedEvent> listener;
    private final String topic;
    private final int partitions;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Exception failure;

    private EventTap(
            KafkaConsumer<String, byte[]> consumer, Consumer<ObservedEvent> listener, String topic, int partitions) {
        this.consumer = consumer;
        this.listener = listener;
        this.topic = topic;
        this.partitions = partitions;
        this.poller = new Thread(this::pollUntilClosed, "event-tap-" + topic);
        this.poller.setDaemon(true);
    }

    /**
     * Positions a consumer at the current end of every partition (the positions are resolved before this returns)
     * and starts delivering records to {@code listener} on a background thread.
     *
     * @param topic e.g. {@link #REFERRAL_EVENTS}
     * @throws IllegalStateException when the topic does not exist (the service that owns it never started)
     */
    public static EventTap startAtEnd(String bootstrapServers, String topic, Consumer<ObservedEvent> listener) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "sanyi-local-stack-tap-" + topic,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                        false,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        10_000),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist; is the service that publishes it"
                        + " running (./sanyi status)?");
            }
            List<TopicPartition> assigned = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToEnd(assigned);
            // seekToEnd is lazy: resolve now, or events of the first step could be skipped.
            assigned.forEach(partition -> consumer.position(partition, Duration.ofSeconds(10)));
            EventTap tap = new EventTap(consumer, listener, topic, assigned.size());
            tap.poller.start();
            return tap;
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    public String topic() {
        return topic;
    }

    public int partitions() {
        return partitions;
    }

    /** What stopped the poller, if it failed. */
    public Exception failure() {
        return failure;
    }

    private void pollUntilClosed() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                Instant readAt = Instant.now();
                for (ConsumerRecord<String, byte[]> record : records) {
                    listener.accept(new ObservedEvent(
                            record.key(),
                            header(record, "ce_type"),
                            header(record, "ce_id"),
                            parseTime(header(record, "ce_time")),
                            readAt,
                            record.partition(),
                            record.offset(),
                            record.value() == null ? new byte[0] : record.value()));
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (Exception e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** CloudEvents {@code time} is RFC 3339; null when absent or malformed. */
    static Instant parseTime(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5_000);
    }
}
