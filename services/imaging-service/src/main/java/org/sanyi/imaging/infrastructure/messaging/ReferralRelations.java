package org.sanyi.imaging.infrastructure.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sanyi.events.EventType;
import org.sanyi.platform.inbox.IdempotentEventProcessor;
import org.sanyi.platform.inbox.ReceivedEvent;
import org.sanyi.platform.inbox.UnprocessableEventException;

/**
 * Reads referral events (BR-I3): an accepted or arrived referral makes its sender and receiver treat the patient, so
 * both may see the patient's studies; a cancelled or rejected one ends that. Idempotent through the inbox; an event
 * that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class ReferralRelations {

    static final String CONSUMER = "imaging-service.referral-relations";

    private static final Set<String> STARTS =
            Set.of(EventType.REFERRAL_ACCEPTED.ceType(), EventType.REFERRAL_ARRIVED.ceType());
    private static final Set<String> ENDS =
            Set.of(EventType.REFERRAL_CANCELLED.ceType(), EventType.REFERRAL_REJECTED.ceType());

    private static final ObjectMapper LENIENT =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    EntityManager entityManager;

    @Incoming("referral-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws Exception {
        String type = ReceivedEvent.of(record).type();
        // The other referral events grant nothing: passing one over twice changes nothing, so no inbox entry.
        if (STARTS.contains(type) || ENDS.contains(type)) {
            processor.process(CONSUMER, record, event -> handle(event, STARTS.contains(type)));
        }
    }

    private static java.util.Optional<Instant> instant(JsonNode value) {
        try {
            return value.isTextual()
                    ? java.util.Optional.of(Instant.parse(value.asText()))
                    : java.util.Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private void handle(ReceivedEvent event, boolean starts) throws Exception {
        JsonNode data;
        try {
            data = LENIENT.readTree(event.data());
        } catch (Exception e) {
            throw new UnprocessableEventException("referral event " + event.id() + " is not JSON: " + e.getMessage());
        }
        String referralId = data.path("referralId").asText(null);
        String patient = data.path("patientPseudonym").asText(null);
        String sender = data.path("sender").path("institutionCode").asText(null);
        String receiver = data.path("receiver").path("institutionCode").asText(null);
        if (referralId == null || patient == null || sender == null || receiver == null) {
            throw new UnprocessableEventException(
                    "referral event " + event.id() + " lacks the referral, patient, sender or receiver");
        }
        Timestamp now = Timestamp.from(Instant.now());
        if (starts) {
            // The validity window counts from the acceptance itself, not from when this service read it: a new
            // instance reads the topic from the start and must not revive referrals accepted long ago.
            Instant acceptedAt = instant(data.path("timeline").path("acceptedAt"))
                    .or(() -> instant(data.path("timeline").path("arrivedAt")))
                    .orElse(Instant.now());
            entityManager
                    .createNativeQuery("insert into referral_relation (referral_id, patient_key, sender_code,"
                            + " receiver_code, accepted_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                    .setParameter(1, UUID.fromString(referralId))
                    .setParameter(2, patient)
                    .setParameter(3, sender)
                    .setParameter(4, receiver)
                    .setParameter(5, Timestamp.from(acceptedAt))
                    .executeUpdate();
        } else {
            entityManager
                    .createNativeQuery("update referral_relation set ended_at = ?1 where referral_id = ?2"
                            + " and ended_at is null")
                    .setParameter(1, now)
                    .setParameter(2, UUID.fromString(referralId))
                    .executeUpdate();
        }
    }
}
