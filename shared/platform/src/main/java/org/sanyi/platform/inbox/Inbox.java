package org.sanyi.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The processed-event log that makes a consumer idempotent: it runs in the consumer's own transaction, so the
 * effect of an event and the record that it was processed commit together, and a redelivery is recognised.
 * Entries older than {@code sanyi.inbox.retention} are purged by {@link InboxPurge}.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /**
     * Records that {@code consumer} processes the event {@code eventId} of {@code source} now. CloudEvents make an
     * id unique only within its source, so two producers may use the same id.
     *
     * @param source the event's {@code ce_source}; null for a record without one
     * @return true the first time; false when this consumer already processed the event (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String source, String eventId) {
        int inserted = entityManager
                .createNativeQuery("insert into inbox_message (consumer, event_source, event_id) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, source == null ? "" : source)
                .setParameter(3, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
