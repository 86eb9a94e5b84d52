package org.sanyi.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads a topic from the beginning as an outside partner would: a plain consumer of its own that commits nothing,
 * sees every record the topic still holds and never creates the topic by asking for it.
 *
 * <pre>{@code
 * List<ConsumerRecord<String, String>> events = TopicReader.of("referral.events.v1").readKeyed(referralId, 3);
 * assertThat(TopicReader.headers(events, "ce_type")).containsExactly(...);
 * }</pre>
 */
public final class TopicReader {

    /** Long enough for an outbox relay to publish after a commit on a loaded two-core machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;

    private TopicReader(String bootstrapServers, String topic, Duration timeout) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A reader of {@code topic} on the broker of {@link SanyiTestInfrastructure}. */
    public static TopicReader of(String topic) {
        return new TopicReader(SanyiTestInfrastructure.kafkaBootstrapServers(), topic, DEFAULT_TIMEOUT);
    }

    public static TopicReader of(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, DEFAULT_TIMEOUT);
    }

    /** The same reader with another deadline for each read. */
    public TopicReader within(Duration timeout) {
        return new TopicReader(bootstrapServers, topic, timeout);
    }

    /**
     * Every record from the start of the topic, read until {@code done} holds for the records read so far.
     *
     * @throws AssertionError when the deadline passes first; the message lists what was read
     */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            Awaitility.await("reading " + topic)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    // The consumer's poll does most of the waiting; this pause only spaces out metadata requests.
                    .pollInterval(Duration.ofMillis(50))
                    .pollInSameThread()
                    .until(() -> {
                        if (consumer.assignment().isEmpty() && !assignWholeTopic(consumer)) {
                            return false;
                        }
                        consumer.poll(POLL).forEach(records::add);
                        return done.test(records);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Topic %s: the expected records did not arrive within %s; read %d: %s"
                            .formatted(topic, timeout, records.size(), summary(records)),
                    e);
        }
        return records;
    }

    /** At least {@code count} records from the start of the topic. */
    public List<ConsumerRecord<String, String>> readAtLeast(int count) {
        return readUntil(records -> records.size() >= count);
    }

    /** The records with {@code key}, in topic order, once there are at least {@code count} of them. */
    public List<ConsumerRecord<String, String>> readKeyed(String key, int count) {
        return withKey(readUntil(records -> withKey(records, key).size() >= count), key);
    }

    public static List<ConsumerRecord<String, String>> withKey(
            List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }

    public static Optional<ConsumerRecord<String, String>> lastWithKey(
            List<ConsumerRecord<String, String>> records, String key) {
        List<ConsumerRecord<String, String>> keyed = withKey(records, key);
        return keyed.isEmpty() ? Optional.empty() : Optional.of(keyed.get(keyed.size() - 1));
    }

    /** The last value of header {@code name} as UTF-8 text, or null when the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Header {@code name} of each record, in order: for example the {@code ce_type} sequence of an aggregate. */
    public static List<String> headers(List<? extends ConsumerRecord<?, ?>> records, String name) {
        return records.stream().map(record -> header(record, name)).toList();
    }

    /**
     * Assigns every partition and starts at its beginning. Assignment instead of a consumer group: no group join to
     * wait for, and nothing of the reader is left on the broker.
     */
    private boolean assignWholeTopic(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, POLL);
        if (partitions == null || partitions.isEmpty()) {
            // Not created yet: the service under test creates its topics, the reader waits for them.
            return false;
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        return true;
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
    }

    private static String summary(List<ConsumerRecord<String, String>> records) {
        int shown = Math.min(records.size(), 20);
        String listed = records.subList(records.size() - shown, records.size()).stream()
                .map(record ->
                        record.key() + (header(record, "ce_type") == null ? "" : " " + header(record, "ce_type")))
                .collect(Collectors.joining(", ", "[", "]"));
        return shown < records.size() ? "last " + shown + " " + listed : listed;
    }
}
