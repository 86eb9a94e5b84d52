package org.sanyi.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sanyi.events.EventType;

/**
 * Where domain code records an event: in the caller's transaction, so the event exists exactly when the state
 * change commits. After the commit the relay is woken at once, which keeps commit-to-publish latency low without
 * a tight polling loop.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "sanyi.outbox.validate-schemas", defaultValue = "true")
    boolean validateSchemas;

    /**
     * Records {@code data} as an event of {@code type} about aggregate {@code aggregateId}.
     *
     * @return the event id (CloudEvents {@code id})
     * @throws IllegalStateException when {@code data} does not conform to the type's JSON Schema: a bug, never input
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, String aggregateId, Object data) {
        JsonNode json = mapper.valueToTree(data);
        if (validateSchemas) {
            List<String> violations = EventSchemas.violations(type, json);
            if (!violations.isEmpty()) {
                throw new IllegalStateException(type.ceType() + " does not match its schema: " + violations);
            }
        }
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = type.topic().topicName();
        message.messageKey = aggregateId;
        message.eventType = type.ceType();
        message.dataSchema = type.dataSchema().toString();
        message.subject = aggregateId;
        message.occurredAt = Instant.now();
        message.payload = json.toString();
        message.persist();
        wakeRelayAfterCommit();
        return message.id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
