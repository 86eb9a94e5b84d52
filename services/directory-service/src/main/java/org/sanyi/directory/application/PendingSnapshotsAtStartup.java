package org.sanyi.directory.application;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.sanyi.directory.config.DirectoryConfig;

/**
 * Publishes at start-up what migrations changed, so a fresh stack's topics hold the seed region. Flyway has run by
 * now; the outbox relay sends the events once the topics exist.
 */
@ApplicationScoped
public class PendingSnapshotsAtStartup {

    @Inject
    Republisher republisher;

    @Inject
    DirectoryConfig config;

    void publish(@Observes StartupEvent startup) {
        if (config.publishPendingAtStartup()) {
            republisher.publishPending();
        }
    }
}
