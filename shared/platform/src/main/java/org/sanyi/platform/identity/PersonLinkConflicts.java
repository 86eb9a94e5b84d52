package org.sanyi.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/** Where refused links are flagged for the operator: in a transaction of their own, so the refusal's rollback keeps them. */
@ApplicationScoped
public class PersonLinkConflicts {

    private static final Logger LOG = Logger.getLogger(PersonLinkConflicts.class);

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void flag(String reportedBy, Collection<String> identifierKeys, Collection<UUID> personIds, String reason) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into person_link_conflict"
                    + " (detected_at, reported_by, identifier_keys, person_ids, reason) values (?, ?, ?, ?, ?)")) {
                insert.setTimestamp(1, Timestamp.from(Instant.now()));
                insert.setString(2, reportedBy);
                insert.setArray(3, connection.createArrayOf("text", identifierKeys.toArray()));
                insert.setArray(4, connection.createArrayOf("uuid", personIds.toArray()));
                insert.setString(5, reason);
                insert.executeUpdate();
            }
        });
        LOG.warnf("Identity link refused and flagged (reported by %s): %s", reportedBy, reason);
    }

    /** Conflicts not yet resolved by the operator. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long open() {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from person_link_conflict where resolved_at is null")
                        .getSingleResult())
                .longValue();
    }
}
