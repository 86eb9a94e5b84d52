package org.sanyi.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The processed-event log that makes a consumer idempotent: it runs in the consumer's own transaction, so the
 * effect of an event and the record that it was processed commit together, and a redelivery is recognised.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /**
     * Records that {@code consumer} processes {@code eventId} now.
     *
     * @return true the first time; false when this consumer already processed the event (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = entityManager
                .createNativeQuery(
                        "insert into inbox_message (consumer, event_id) values (?1, ?2)" + " on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
