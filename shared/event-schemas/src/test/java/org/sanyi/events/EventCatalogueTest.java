package org.sanyi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code's catalogue of events ({@link EventType}, {@link Topic}), the schema files and the AsyncAPI document
 * must describe the same events: an integrator reading any one of them sees what the services publish.
 */
class EventCatalogueTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Path SCHEMA_DIR = Path.of("src/main/resources/schemas");
    private static final Path ASYNCAPI = REPOSITORY.resolve("docs/events/asyncapi.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventTypeHasAValidSchemaWhoseIdIsItsDataSchema() throws IOException {
        for (EventType type : EventType.values()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
                assertThat(in).as("schema of %s", type).isNotNull();
                JsonNode schema = JSON.readTree(in);
                assertThat(schema.path("$id").asText())
                        .isEqualTo(type.dataSchema().toString());
                assertThat(schema.path("$schema").asText()).contains("2020-12");
                assertThat(schema.path("type").asText()).isEqualTo("object");
                assertThat(EventSchemas.schemaOf(type))
                        .as("schema of %s with its references", type)
                        .isNotNull();
            }
        }
    }

    @Test
    void everySchemaRefusesAFieldItDoesNotDeclare() {
        for (EventType type : EventType.values()) {
            assertThat(EventSchemas.violations(type, JSON.createObjectNode().put("surpriseField", 1)))
                    .as("schema of %s", type)
                    .anyMatch(message -> message.contains("surpriseField"));
        }
    }

    @Test
    void everySchemaFileBelongsToAnEventType() throws IOException {
        Set<String> catalogued =
                Stream.of(EventType.values()).map(EventType::schemaFile).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(SCHEMA_DIR)) {
            Set<String> onDisk = files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> SCHEMA_DIR.relativize(f).toString().replace('\\', '/'))
                    // Shared definitions ($defs that event schemas reference) are not events themselves.
                    .filter(f -> !f.matches(".*/common\\.v\\d+\\.json"))
                    .collect(Collectors.toSet());
            assertThat(onDisk).containsExactlyInAnyOrderElementsOf(catalogued);
        }
    }

    @Test
    void eventTypesAreVersionedAndUnique() {
        Set<String> seen = new HashSet<>();
        for (EventType type : EventType.values()) {
            assertThat(type.ceType()).matches("org\\.sanyi\\.[a-z-]+\\.[a-z.-]+\\.v\\d+");
            assertThat(type.schemaFile()).matches("[a-z-]+/[a-z-]+\\.v\\d+\\.json");
            assertThat(type.ceType()).endsWith(type.schemaFile().replaceAll(".*(\\.v\\d+)\\.json", "$1"));
            assertThat(seen.add(type.ceType()))
                    .as("duplicate %s", type.ceType())
                    .isTrue();
        }
    }

    @Test
    void asyncApiListsEveryTopicAndEventTypeOfTheCode() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");

        Map<String, JsonNode> channelsByAddress = new HashMap<>();
        doc.path("channels")
                .forEach(
                        channel -> channelsByAddress.put(channel.path("address").asText(), channel));
        Set<String> topics = Stream.of(Topic.values()).map(Topic::topicName).collect(Collectors.toSet());
        assertThat(channelsByAddress.keySet()).containsExactlyInAnyOrderElementsOf(topics);
        for (Topic topic : Topic.values()) {
            JsonNode cleanup = channelsByAddress
                    .get(topic.topicName())
                    .path("bindings")
                    .path("kafka")
                    .path("topicConfiguration")
                    .path("cleanup.policy");
            assertThat(cleanup.toString())
                    .as("cleanup.policy of %s", topic)
                    .contains(topic.compacted() ? "compact" : "delete");
        }

        Map<String, JsonNode> messagesByCeType = new HashMap<>();
        Map<String, String> messageKeysByCeType = new HashMap<>();
        doc.path("components").path("messages").fields().forEachRemaining(entry -> {
            messagesByCeType.put(entry.getValue().path("name").asText(), entry.getValue());
            messageKeysByCeType.put(entry.getValue().path("name").asText(), entry.getKey());
        });
        Set<String> ceTypes =
                Stream.of(EventType.values()).map(EventType::ceType).collect(Collectors.toSet());
        assertThat(messagesByCeType.keySet()).containsExactlyInAnyOrderElementsOf(ceTypes);

        for (EventType type : EventType.values()) {
            JsonNode message = messagesByCeType.get(type.ceType());
            assertThat(message.path("payload").path("$ref").asText())
                    .as("payload of %s", type)
                    .endsWith("schemas/" + type.schemaFile());
            Path schemaFile = ASYNCAPI.getParent()
                    .resolve(message.path("payload").path("$ref").asText())
                    .normalize();
            assertThat(schemaFile).as("payload file of %s", type).exists();
            JsonNode channel = channelsByAddress.get(type.topic().topicName());
            String reference = "#/components/messages/" + messageKeysByCeType.get(type.ceType());
            assertThat(channel.path("messages").toString())
                    .as("channel %s carries %s", type.topic().topicName(), type)
                    .contains(reference);
        }
    }
}
