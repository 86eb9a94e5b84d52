package org.sanyi.platform.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * DOWN while a parked outbox row exists: an event the broker keeps refusing, which an operator must look at (its
 * {@code last_error}) and release or delete; later events of its key wait until then. A wellness check
 * ({@code /q/health/well}, also part of {@code /q/health}), not readiness: one stuck key must not take the whole
 * service out of the load balancer.
 */
@Wellness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    @Inject
    OutboxBacklog backlog;

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog.Snapshot current = backlog.current();
        return HealthCheckResponse.named("outbox")
                .status(current.parked() == 0)
                .withData("pending", current.pending())
                .withData("oldestPendingAgeSeconds", current.oldestPendingAge().toSeconds())
                .withData("parked", current.parked())
                .withData("blockedBehindParked", current.blocked())
                .build();
    }
}
