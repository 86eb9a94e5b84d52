package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultsToTheDocumentedPorts() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of());

        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(settings.kafkaControllerPort()).isEqualTo(19093);
        assertThat(settings.jdbcUrl("directory")).isEqualTo("jdbc:postgresql://localhost:15432/directory");
    }

    @Test
    void environmentVariablesOverrideThePorts() {
        StackSettings settings =
                StackSettings.fromEnvironment(Map.of("SANYI_KAFKA_PORT", "29092", "SANYI_POSTGRES_PORT", "25432"));

        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(29093);
        assertThat(settings.postgresPort()).isEqualTo(25432);
    }

    @Test
    void aBadValueNamesTheVariable() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("SANYI_KAFKA_PORT", "lots")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("SANYI_KAFKA_PORT=lots");
    }
}
