package org.sanyi.directory.replica;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the replica has applied what the directory topics held at start-up. */
@Readiness
public class DirectoryReplicaHealth implements HealthCheck {

    @Inject
    DirectoryReplicaConsumer consumer;

    @Inject
    DirectoryReplica replica;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("directory-replica")
                .status(consumer.caughtUp())
                .withData("institutions", replica.institutions().size())
                .withData("skippedRecords", consumer.skippedRecords())
                .withData("restarts", consumer.restarts())
                .build();
    }
}
