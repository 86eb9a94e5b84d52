package org.sanyi.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.sanyi.events.EventType;

/**
 * The one place that wraps an event's JSON payload into the CloudEvent the exchange publishes: the outbox relay
 * uses it for every event, and tests use it to produce records exactly as a service would.
 */
public final class EventEnvelope {

    private EventEnvelope() {}

    /** The CloudEvents {@code source} of every event a service publishes. */
    public static URI sourceOf(String serviceName) {
        return URI.create("/sanyi/" + serviceName);
    }

    public static CloudEvent of(
            UUID id,
            String serviceName,
            String ceType,
            String dataSchema,
            String subject,
            Instant occurredAt,
            String jsonPayload) {
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(sourceOf(serviceName))
                .withType(ceType)
                .withSubject(subject)
                .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(dataSchema))
                .withDataContentType("application/json")
                .withData(jsonPayload.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** An event of a catalogued {@code type} about {@code subject}, with a new id, occurring now. */
    public static CloudEvent of(String serviceName, EventType type, String subject, String jsonPayload) {
        return of(
                UUID.randomUUID(),
                serviceName,
                type.ceType(),
                type.dataSchema().toString(),
                subject,
                Instant.now(),
                jsonPayload);
    }
}
