package org.sanyi.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sanyi.events.EventType;

/** The JSON Schema of every event type, loaded once from the classpath, and validation against it. */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<EventType, JsonSchema> SCHEMAS = new EnumMap<>(EventType.class);

    private EventSchemas() {}

    public static synchronized JsonSchema schemaOf(EventType type) {
        return SCHEMAS.computeIfAbsent(type, EventSchemas::load);
    }

    /** Messages describing where {@code data} breaks the schema of {@code type}; empty when it conforms. */
    public static List<String> violations(EventType type, JsonNode data) {
        return schemaOf(type).validate(data).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    private static JsonSchema load(EventType type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema " + type.schemaResource() + " for " + type.ceType());
            }
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
