package org.sanyi.directory.replica.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sanyi.events.EventType;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.platform.events.EventEnvelope;

/**
 * Publishes directory snapshots to the directory topics as directory-service would: the same CloudEvent envelope
 * ({@link EventEnvelope}), binary mode, keyed by code or group id. For tests of services that keep a replica.
 */
public final class DirectoryPublisher implements AutoCloseable {

    private static final String DIRECTORY_SERVICE = "directory-service";

    private final KafkaProducer<String, CloudEvent> producer;
    private final ObjectMapper mapper;

    private DirectoryPublisher(String bootstrapServers, ObjectMapper mapper) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                CloudEventSerializer.class));
        this.mapper = mapper;
    }

    /** A publisher writing snapshots as JSON the way the services' Jackson configuration does (ISO dates). */
    public static DirectoryPublisher to(String bootstrapServers) {
        return new DirectoryPublisher(
                bootstrapServers,
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }

    /**
     * Publishes the institutions and groups to the broker at {@code bootstrapServers} and waits until {@code replica}
     * knows all of them: the way a service's tests give it a region.
     */
    public static void publishAndAwait(
            String bootstrapServers,
            org.sanyi.directory.replica.DirectoryReplica replica,
            java.util.List<InstitutionSnapshot> institutions,
            java.util.List<MedicalGroupSnapshot> groups)
            throws InterruptedException {
        try (DirectoryPublisher directory = to(bootstrapServers)) {
            institutions.forEach(directory::publish);
            groups.forEach(directory::publish);
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!institutions.stream().allMatch(i -> replica.knows(i.code()))
                || groups.stream().anyMatch(g -> replica.group(g.id()).isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The directory replica did not learn the test region in time");
            }
            Thread.sleep(100);
        }
    }

    public void publish(InstitutionSnapshot institution) {
        send(EventType.INSTITUTION_UPSERTED, institution.code(), json(institution));
    }

    public void publish(MedicalGroupSnapshot group) {
        send(EventType.MEDICAL_GROUP_UPSERTED, group.id(), json(group));
    }

    /** Publishes a payload as given, for example one with a field a newer directory added. */
    public void publishRaw(EventType type, String key, String jsonPayload) {
        send(type, key, jsonPayload);
    }

    /** Publishes another service's event as that service would, for consumers of other topics. */
    public void publishAs(String service, EventType type, String key, String jsonPayload) {
        send(service, type, key, jsonPayload);
    }

    private void send(EventType type, String key, String jsonPayload) {
        send(DIRECTORY_SERVICE, type, key, jsonPayload);
    }

    private void send(String service, EventType type, String key, String jsonPayload) {
        CloudEvent event = EventEnvelope.of(service, type, key, jsonPayload);
        try {
            producer.send(new ProducerRecord<>(type.topic().topicName(), key, event))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + key, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + key, e.getCause());
        }
    }

    private String json(Object snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable: " + snapshot, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
