package org.sanyi.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the service's topics exist as the event catalogue describes them. */
@Readiness
@ApplicationScoped
public class TopicReadiness implements HealthCheck {

    @Inject
    TopicProvisioner provisioner;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics")
                .status(provisioner.provisioned())
                .withData("topics", provisioner.topics().toString());
        if (!provisioner.provisioned() && provisioner.lastFailure() != null) {
            response.withData("lastFailure", provisioner.lastFailure());
        }
        return response.build();
    }
}
