package org.sanyi.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs a consumer's handler at most once per event ({@code ce_source}, {@code ce_id}), in one transaction with the
 * inbox entry. Use it from a {@code @Incoming @Blocking} method whose channel has {@code
 * failure-strategy=dead-letter-queue}: a handler that throws anything, checked or not, rolls back its writes and the
 * inbox entry, the message is nacked, and SmallRye sends it to the dead-letter topic with the reason in its {@code
 * dead-letter-reason} header. Replaying it from there later processes it as a first delivery.
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
     * @return true when the handler ran; false when {@code consumer} had already processed this event
     */
    // Jakarta Transactions commit on a checked exception unless told otherwise; a failed event must leave no trace.
    @Transactional(value = Transactional.TxType.REQUIRED, rollbackOn = Exception.class)
    public boolean process(String consumer, ConsumerRecord<String, ?> record, EventHandler handler) throws Exception {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!inbox.firstDelivery(consumer, event.source(), event.id())) {
            return false;
        }
        handler.handle(event);
        return true;
    }
}
