package org.sanyi.result.infrastructure.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sanyi.events.EventType;
import org.sanyi.platform.inbox.IdempotentEventProcessor;
import org.sanyi.platform.inbox.ReceivedEvent;
import org.sanyi.platform.inbox.UnprocessableEventException;

/**
 * Reads referral events: when a referral that attached exchange results is accepted, its receiver may read those
 * results (BR-F3, "an accepted referral that attached the result"). Idempotent through the inbox; an event that
 * cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class ReferralGrants {

    static final String CONSUMER = "result-service.referral-grants";

    private static final ObjectMapper LENIENT =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    EntityManager entityManager;

    @Incoming("referral-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws Exception {
        // Only an acceptance grants anything. The other referral events (most of them) need no transaction and no
        // inbox entry: passing one over twice changes nothing.
        if (EventType.REFERRAL_ACCEPTED.ceType().equals(ReceivedEvent.of(record).type())) {
            processor.process(CONSUMER, record, this::handle);
        }
    }

    private void handle(ReceivedEvent event) throws Exception {
        JsonNode data;
        try {
            data = LENIENT.readTree(event.data());
        } catch (Exception e) {
            throw new UnprocessableEventException("referral event " + event.id() + " is not JSON: " + e.getMessage());
        }
        String receiver = data.path("receiver").path("institutionCode").asText(null);
        String referralId = data.path("referralId").asText(null);
        if (receiver == null || referralId == null) {
            throw new UnprocessableEventException("referral event " + event.id() + " names no receiver or referral");
        }
        for (JsonNode resultId : data.path("attachedResultIds")) {
            entityManager
                    .createNativeQuery("insert into result_grant (result_id, institution_code, referral_id, granted_at)"
                            + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                    .setParameter(1, UUID.fromString(resultId.asText()))
                    .setParameter(2, receiver)
                    .setParameter(3, UUID.fromString(referralId))
                    .setParameter(4, Timestamp.from(Instant.now()))
                    .executeUpdate();
        }
    }
}
