package org.sanyi.platform.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * What the relay has not published yet, read from the table on demand (cached for a second, so a scrape of several
 * gauges costs one query). Feeds the {@code sanyi.outbox.*} gauges and {@link OutboxHealth}.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);
    private static final Duration CACHE = Duration.ofSeconds(1);

    // Only unpublished rows are scanned (the partial index outbox_message_pending); parked rows are rare.
    private static final String QUERY = "select count(*) filter (where m.parked_at is null),"
            + " min(m.occurred_at) filter (where m.parked_at is null),"
            + " count(*) filter (where m.parked_at is not null),"
            + " count(*) filter (where m.parked_at is null and exists (select 1 from outbox_message p"
            + "   where p.parked_at is not null and p.published_at is null"
            + "   and p.topic = m.topic and p.message_key = m.message_key))"
            + " from outbox_message m where m.published_at is null";

    /**
     * @param pending rows waiting to be published, including those blocked behind a parked row
     * @param oldestPending when the oldest of them was written; null when there is none
     * @param parked rows that failed {@code sanyi.outbox.max-attempts} times and are no longer sent
     * @param blocked pending rows that wait because an earlier row of their key is parked
     */
    public record Snapshot(long pending, Instant oldestPending, long parked, long blocked, Instant readAt) {

        /** Age of the oldest pending row, zero when nothing is pending. */
        public Duration oldestPendingAge() {
            return oldestPending == null ? Duration.ZERO : Duration.between(oldestPending, readAt);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private volatile Snapshot cached;

    /** The current backlog, at most a second old; the last known one while the database cannot be read. */
    public Snapshot current() {
        Snapshot last = cached;
        if (last != null && Duration.between(last.readAt(), Instant.now()).compareTo(CACHE) < 0) {
            return last;
        }
        try {
            cached = read();
        } catch (SQLException e) {
            LOG.debugf("Cannot read the outbox backlog: %s", e);
            if (last == null) {
                throw new IllegalStateException("The outbox backlog cannot be read", e);
            }
        }
        return cached;
    }

    private Snapshot read() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(QUERY);
                ResultSet result = select.executeQuery()) {
            result.next();
            Timestamp oldest = result.getTimestamp(2);
            return new Snapshot(
                    result.getLong(1),
                    oldest == null ? null : oldest.toInstant(),
                    result.getLong(3),
                    result.getLong(4),
                    Instant.now());
        }
    }
}
