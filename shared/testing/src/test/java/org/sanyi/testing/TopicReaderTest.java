package org.sanyi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TopicReaderTest {

    private final String bootstrap = SanyiTestInfrastructure.kafkaBootstrapServers();

    @Test
    void readsFromTheBeginningWhatWasPublishedBeforeItStarted() throws Exception {
        String topic = freshTopic();
        publish(topic, "A", "first", "created");
        publish(topic, "B", "other", "created");
        publish(topic, "A", "second", "updated");

        List<ConsumerRecord<String, String>> ofA =
                TopicReader.of(bootstrap, topic).readKeyed("A", 2);

        assertThat(KafkaClients.values(ofA)).containsExactly("first", "second");
        assertThat(TopicReader.headers(ofA, "ce_type")).containsExactly("created", "updated");
        assertThat(TopicReader.header(ofA.get(0), "absent")).isNull();
        List<ConsumerRecord<String, String>> all =
                TopicReader.of(bootstrap, topic).readAtLeast(3);
        assertThat(TopicReader.lastWithKey(all, "A")).map(ConsumerRecord::value).contains("second");
        assertThat(TopicReader.lastWithKey(all, "C")).isEmpty();
    }

    @Test
    void waitsForATopicThatDoesNotExistYetWithoutCreatingIt() throws Exception {
        String topic = freshTopic();
        CompletableFuture<List<ConsumerRecord<String, String>>> reading = CompletableFuture.supplyAsync(
                () -> TopicReader.of(bootstrap, topic).readAtLeast(1));
        Thread.sleep(1_000); // the reader asks for the topic's partitions meanwhile
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.listTopics().names().get()).doesNotContain(topic);
        }

        publish(topic, "K", "late", "created");

        assertThat(KafkaClients.values(reading.get(30, TimeUnit.SECONDS))).containsExactly("late");
    }

    @Test
    void aDeadlineThatPassesFailsWithWhatWasRead() throws Exception {
        String topic = freshTopic();
        publish(topic, "only", "one", "org.sanyi.test.created.v1");

        assertThatThrownBy(() -> TopicReader.of(bootstrap, topic)
                        .within(Duration.ofSeconds(3))
                        .readAtLeast(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Topic " + topic)
                .hasMessageContaining("read 1: [only org.sanyi.test.created.v1]");
    }

    private static String freshTopic() {
        return "topic-reader-" + UUID.randomUUID();
    }

    private void publish(String topic, String key, String value, String ceType) throws Exception {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
