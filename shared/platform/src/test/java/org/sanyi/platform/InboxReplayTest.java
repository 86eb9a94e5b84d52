package org.sanyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.sanyi.platform.probe.ProbeConsumer;
import org.sanyi.testing.SanyiTestInfrastructure;

/** The inbox remembers an event only when its handler succeeded, per (source, id), and not for ever. */
@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class InboxReplayTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProbeConsumer probeConsumer;

    @Test
    void anEventWhoseHandlerThrewACheckedExceptionIsProcessedWhenReplayed() throws Exception {
        String id = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = record(id, "/sanyi/directory-service", "REPLAY");

        assertThatThrownBy(() -> probeConsumer.deliverFailingAfterItsWrite(record))
                .isInstanceOf(ProbeConsumer.ProbeOutage.class);
        assertThat(count("select count(*) from probe_received where event_id = ?", id))
                .as("the handler's own write was rolled back")
                .isZero();
        assertThat(count("select count(*) from inbox_message where event_id = ?", id))
                .as("no inbox entry, so a replay is not taken for a duplicate")
                .isZero();

        assertThat(probeConsumer.deliver(record))
                .as("the replay runs the handler")
                .isTrue();
        assertThat(count("select count(*) from probe_received where event_id = ?", id))
                .isEqualTo(1);
        assertThat(probeConsumer.deliver(record))
                .as("and a further redelivery is a duplicate")
                .isFalse();
    }

    @Test
    void theSameIdFromAnotherSourceIsAnotherEvent() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(probeConsumer.deliver(record(id, "/sanyi/directory-service", "SOURCE-A")))
                .isTrue();
        assertThat(probeConsumer.deliver(record(id, "/sanyi/other-service", "SOURCE-B")))
                .isTrue();
        assertThat(probeConsumer.deliver(record(id, "/sanyi/other-service", "SOURCE-B")))
                .isFalse();
    }

    @Test
    void entriesOlderThanTheRetentionArePurged() throws Exception {
        // Test configuration: sanyi.inbox.retention=P1D, clean-up every 500 ms.
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into inbox_message"
                        + " (consumer, event_source, event_id, processed_at) values ('purge-test', 's', ?,"
                        + " now() - cast(? as interval))")) {
            insert.setString(1, old);
            insert.setString(2, "2 days");
            insert.executeUpdate();
            insert.setString(1, recent);
            insert.setString(2, "1 hour");
            insert.executeUpdate();
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (count("select count(*) from inbox_message where event_id = ?", old) > 0) {
            assertThat(Instant.now()).as("old entry purged in time").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(count("select count(*) from inbox_message where event_id = ?", recent))
                .isEqualTo(1);
    }

    private static ConsumerRecord<String, String> record(String id, String source, String key) {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>("directory.institutions.v1", 0, 0L, key, "{\"version\":3}");
        record.headers().add("ce_id", id.getBytes());
        record.headers().add("ce_source", source.getBytes());
        record.headers().add("ce_type", "org.sanyi.directory.institution.upserted.v1".getBytes());
        return record;
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
