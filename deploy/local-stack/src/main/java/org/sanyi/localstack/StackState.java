package org.sanyi.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The ports a running stack actually uses, from {@code .sanyi/run/stack.properties}. */
record StackState(int kafkaPort, int kafkaControllerPort, int postgresPort, Properties raw) {

    /** Suffix of {@code service.<name>.}: milliseconds from starting the service's process to its ready answer. */
    static final String READY_MILLIS = "ready.millis";

    /** How long the named service took to become ready when the stack started, if recorded. */
    Optional<Long> readyMillis(String service) {
        String value = raw.getProperty("service." + service + "." + READY_MILLIS);
        return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
    }

    static Optional<StackState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream input = Files.newInputStream(file)) {
            properties.load(input);
            return Optional.of(new StackState(
                    Integer.parseInt(properties.getProperty("kafka.port")),
                    Integer.parseInt(properties.getProperty("kafka.controller.port")),
                    Integer.parseInt(properties.getProperty("postgres.port")),
                    properties));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The settings the running stack was started with (environment variables may differ now). */
    StackSettings applyTo(StackSettings settings) {
        return new StackSettings(kafkaPort, kafkaControllerPort, postgresPort, settings.readyTimeout());
    }
}
