package org.sanyi.directory.replica;

import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Not live when the replica's worker stopped polling: restarting the service is then the remaining remedy. */
@Liveness
public class DirectoryReplicaLiveness implements HealthCheck {

    // Longer than one Kafka call may block (sanyi.directory-replica.kafka-timeout) plus the largest back-off.
    private static final Duration STALLED = Duration.ofMinutes(3);

    @Inject
    DirectoryReplicaConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("directory-replica-worker")
                .status(consumer.polledWithin(STALLED))
                .withData("restarts", consumer.restarts())
                .build();
    }
}
