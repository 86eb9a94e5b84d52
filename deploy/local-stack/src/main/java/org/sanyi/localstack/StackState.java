package org.sanyi.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The ports a running stack actually uses, from {@code .sanyi/run/stack.properties}. */
record StackState(int kafkaPort, int kafkaControllerPort, int postgresPort, Properties raw) {

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
