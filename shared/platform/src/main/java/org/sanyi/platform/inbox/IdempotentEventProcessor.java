package org.sanyi.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs a consumer's handler at most once per event id, in one transaction with the inbox entry. Use it from a
 * {@code @Incoming @Blocking} method whose channel has {@code failure-strategy=dead-letter-queue}: a handler that
 * throws rolls back, the message is nacked, and SmallRye sends it to the dead-letter topic with the reason in its
 * {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class IdempotentEventProcessor {

    @Inject
    Inbox inbox;

    /** Handles one received event; throws {@link UnprocessableEventException} or anything else to dead-letter it. */
    @FunctionalInterface
    public interface EventHandler {
        void handle(ReceivedEvent event) throws Exception;
    }

    /**
     * @return true when the handler ran; false when {@code consumer} had already processed this event id
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean process(String consumer, ConsumerRecord<String, ?> record, EventHandler handler) throws Exception {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!inbox.firstDelivery(consumer, event.id())) {
            return false;
        }
        handler.handle(event);
        return true;
    }
}
