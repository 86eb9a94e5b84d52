package org.sanyi.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.sanyi.events.EventSchemas;
import org.sanyi.events.EventType;
import org.sanyi.kernel.TimeOrderedIds;
import org.sanyi.platform.groupcommit.GroupCommit;
import org.sanyi.platform.groupcommit.WriteSet;

/**
 * Where domain code records an event: in the caller's transaction, so the event exists exactly when the state
 * change commits. After the commit the relay is woken at once, which keeps commit-to-publish latency low without
 * a tight polling loop.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private static final String INSERT = "insert into outbox_message"
            + " (id, topic, message_key, event_type, data_schema, subject, occurred_at, payload)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    /**
     * Records {@code data} as an event of {@code type} about aggregate {@code aggregateId}.
     *
     * @return the event id (CloudEvents {@code id})
     * @throws IllegalStateException when {@code data} does not conform to the type's JSON Schema: a bug, never input
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, String aggregateId, Object data) {
        UUID id = TimeOrderedIds.next();
        WriteSet.SqlRow row = new WriteSet.SqlRow(INSERT, row(id, type, aggregateId, data));
        // Plain JDBC on the transaction's own connection: no entity state to track or flush on the hot path.
        entityManager.unwrap(Session.class).doWork(row::insertOn);
        wakeRelayAfterCommit();
        return id;
    }

    /**
     * Records the event in {@code writes}, for {@link GroupCommit}: it is stored exactly when the set commits, and
     * the relay is woken then.
     *
     * @return the event id (CloudEvents {@code id})
     */
    public UUID stage(WriteSet writes, EventType type, String aggregateId, Object data) {
        UUID id = TimeOrderedIds.next();
        writes.insertEvent(INSERT, row(id, type, aggregateId, data));
        return id;
    }

    private Object[] row(UUID id, EventType type, String aggregateId, Object data) {
        return new Object[] {
            id,
            type.topic().topicName(),
            aggregateId,
            type.ceType(),
            type.dataSchema().toString(),
            aggregateId,
            Timestamp.from(Instant.now()),
            payload(mapper, type, data, config.validateSchemas())
        };
    }

    /**
     * The event's JSON; with {@code validate}, through a tree checked against the type's schema first. Both ways
     * write the same text, so what the tests validated is what production publishes.
     */
    static String payload(ObjectMapper mapper, EventType type, Object data, boolean validate) {
        if (!validate) {
            try {
                return mapper.writeValueAsString(data);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event data cannot be written as JSON", e);
            }
        }
        JsonNode json = mapper.valueToTree(data);
        List<String> violations = EventSchemas.violations(type, json);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(type.ceType() + " does not match its schema: " + violations);
        }
        return json.toString();
    }

    /** Wakes the relay once the current transaction commits (once per transaction, however often it is asked). */
    public void wakeRelayAfterCommit() {
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
