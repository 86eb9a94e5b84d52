package org.sanyi.platform.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sanyi.events.EventType;
import org.sanyi.platform.inbox.IdempotentEventProcessor;
import org.sanyi.platform.inbox.ReceivedEvent;
import org.sanyi.platform.inbox.UnprocessableEventException;

/** A consumer written the way services write theirs: inbox for idempotency, dead-letter for the unprocessable. */
@ApplicationScoped
public class ProbeConsumer {

    static final String NAME = "platform-probe";

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Incoming("probe-in")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws Exception {
        processor.process(NAME, record, this::handle);
    }

    /** Also called directly by the tests, to deliver the same event twice. */
    public boolean deliver(ConsumerRecord<String, String> record) throws Exception {
        return processor.process(NAME, record, this::handle);
    }

    /**
     * Writes what it received, then fails with a checked exception, as a handler does whose downstream call throws
     * an {@code IOException}: nothing of it may remain, so a later replay is processed.
     */
    public boolean deliverFailingAfterItsWrite(ConsumerRecord<String, String> record) throws Exception {
        return processor.process(NAME, record, event -> {
            handle(event);
            throw new ProbeOutage("the probe's downstream system is unavailable");
        });
    }

    /** A checked exception, which Jakarta Transactions would commit on unless told otherwise. */
    public static class ProbeOutage extends Exception {
        public ProbeOutage(String message) {
            super(message);
        }
    }

    private void handle(ReceivedEvent event) throws Exception {
        if (EventType.byCeType(event.type()).orElse(null) != EventType.INSTITUTION_UPSERTED) {
            throw new UnprocessableEventException("unknown event type " + event.type());
        }
        JsonNode data = mapper.readTree(event.data());
        entityManager
                .createNativeQuery("insert into probe_received (event_id, aggregate, revision) values (?1, ?2, ?3)")
                .setParameter(1, event.id())
                .setParameter(2, event.key())
                .setParameter(3, data.path("version").asLong())
                .executeUpdate();
    }
}
