package org.sanyi.localstack;

import java.time.Duration;
import java.util.Map;

/** Ports and timeouts of the local stack; each can be overridden by an environment variable. */
public record StackSettings(int kafkaPort, int kafkaControllerPort, int postgresPort, Duration readyTimeout) {

    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_READY_TIMEOUT_SECONDS = 180;

    public static StackSettings fromEnvironment(Map<String, String> environment) {
        int kafkaPort = port(environment, "SANYI_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        int controllerPort = port(environment, "SANYI_KAFKA_CONTROLLER_PORT", kafkaPort + 1);
        int postgresPort = port(environment, "SANYI_POSTGRES_PORT", DEFAULT_POSTGRES_PORT);
        int timeoutSeconds = number(environment, "SANYI_READY_TIMEOUT_SECONDS", DEFAULT_READY_TIMEOUT_SECONDS, 1, 3600);
        return new StackSettings(kafkaPort, controllerPort, postgresPort, Duration.ofSeconds(timeoutSeconds));
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    private static int port(Map<String, String> environment, String variable, int defaultPort) {
        return number(environment, variable, defaultPort, 1, 65535);
    }

    private static int number(Map<String, String> environment, String variable, int defaultValue, int min, int max) {
        String raw = environment.get(variable);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(
                    variable + "=" + raw + " is not valid: expected a whole number from " + min + " to " + max + ".");
        }
    }
}
