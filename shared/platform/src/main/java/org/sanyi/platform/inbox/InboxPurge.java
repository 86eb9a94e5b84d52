package org.sanyi.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes inbox entries older than {@code sanyi.inbox.retention}. The retention must exceed the longest time after
 * which an event can still be redelivered (the topic's retention, or a replay from the dead-letter topic): an event
 * redelivered after its entry is gone is processed again. Run by the outbox relay's housekeeping.
 */
@ApplicationScoped
public class InboxPurge {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "sanyi.inbox.retention", defaultValue = "P30D")
    Duration retention;

    /** @return the number of entries deleted */
    public int purge() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from inbox_message where processed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            return delete.executeUpdate();
        }
    }

    public Duration retention() {
        return retention;
    }
}
