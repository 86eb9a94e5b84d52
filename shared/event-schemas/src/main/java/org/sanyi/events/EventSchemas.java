package org.sanyi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of every event type, loaded once from the classpath, and validation against it. A schema's
 * {@code $id} is its event type's {@code dataschema} ({@code urn:sanyi:event-schema:referral/accepted.v1}); shared
 * definitions are referenced relative to it ({@code common.v1.json#/$defs/...}), and both kinds of reference resolve
 * to the files under {@code schemas/} here, never to the network.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.add(EventSchemas::file)));
    private static final Map<EventType, JsonSchema> SCHEMAS = new EnumMap<>(EventType.class);

    private EventSchemas() {}

    public static synchronized JsonSchema schemaOf(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            JsonSchema schema =
                    FACTORY.getSchema(SchemaLocation.of(t.dataSchema().toString()));
            schema.initializeValidators(); // resolve every $ref now: a broken one fails here, not on the first event
            return schema;
        });
    }

    /** Messages describing where {@code data} breaks the schema of {@code type}; empty when it conforms. */
    public static List<String> violations(EventType type, JsonNode data) {
        return schemaOf(type).validate(data).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    private static AbsoluteIri file(AbsoluteIri iri) {
        String id = iri.toString();
        if (!id.startsWith(EventType.SCHEMA_ID_PREFIX)) {
            return null;
        }
        String path = id.substring(EventType.SCHEMA_ID_PREFIX.length());
        return AbsoluteIri.of("classpath:schemas/" + (path.endsWith(".json") ? path : path + ".json"));
    }
}
