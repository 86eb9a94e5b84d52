package org.sanyi.directory.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.platform.security.InstitutionDirectory;

/**
 * Every service that keeps a directory replica refuses callers from its copy: in memory, so the check costs
 * nothing per request, and a deactivation reaches it as fast as the directory topic does.
 */
@ApplicationScoped
public class ReplicaCallers implements InstitutionDirectory {

    @Inject
    DirectoryReplica replica;

    @Inject
    DirectoryReplicaConsumer consumer;

    @Override
    public Standing standingOf(String institutionCode) {
        if (!consumer.caughtUp()) {
            return Standing.NOT_LOADED;
        }
        return replica.institution(institutionCode)
                .map(InstitutionSnapshot::active)
                .map(active -> active ? Standing.ACTIVE : Standing.INACTIVE)
                .orElse(Standing.UNKNOWN);
    }
}
