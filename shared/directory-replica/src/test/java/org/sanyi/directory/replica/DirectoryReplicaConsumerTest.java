package org.sanyi.directory.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanyi.directory.replica.testing.DirectoryPublisher;
import org.sanyi.events.EventType;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.Ownership;
import org.sanyi.events.directory.Region;
import org.sanyi.testing.SanyiTestInfrastructure;

/**
 * The replica's worker against a real broker: it is not "loaded" while the directory has published nothing, reads
 * snapshots with fields it does not know, and keeps working through a broker outage.
 *
 * <p>One test, because every instance reads the shared directory topics from the beginning: the order of its steps
 * is the point (empty, then loaded, then an outage).
 */
class DirectoryReplicaConsumerTest {

    private final DirectoryReplica replica = new DirectoryReplica();
    private final DirectoryReplicaConsumer consumer = new DirectoryReplicaConsumer();

    @AfterEach
    void stopConsumer() {
        consumer.stop(null);
        if (!SanyiTestInfrastructure.isKafkaRunning()) {
            SanyiTestInfrastructure.startKafka();
        }
    }

    @Test
    void loadsOnlyOnceTheDirectoryPublishedToleratesNewFieldsAndSurvivesAnOutage() throws Exception {
        String bootstrap = SanyiTestInfrastructure.kafkaBootstrapServers();
        consumer.replica = replica;
        consumer.applicationMapper = strictApplicationMapper();
        consumer.bootstrapServers = bootstrap;
        consumer.serviceName = "replica-test";
        consumer.enabled = true;
        consumer.kafkaTimeout = Duration.ofSeconds(3);
        consumer.start(null);

        // The topics do not exist yet, or are empty: that is a directory that has not published, not an empty one.
        Thread.sleep(3000);
        assertThat(consumer.caughtUp()).as("caught up on empty topics").isFalse();
        assertThat(consumer.polledWithin(Duration.ofSeconds(5))).isTrue();

        try (DirectoryPublisher directory = DirectoryPublisher.to(bootstrap)) {
            directory.publish(institution("RT-H01", 1));
            // A later directory adds a field: the documented compatible change.
            directory.publishRaw(
                    EventType.INSTITUTION_UPSERTED,
                    "RT-H02",
                    """
                    {"code": "RT-H02", "name": "新字段医院", "type": "GENERAL_HOSPITAL", "level": "SECONDARY",
                     "ownership": "GOVERNMENT", "region": {"provinceCode": "350000", "cityCode": "350900",
                     "countyCode": "350921"}, "active": true, "pairings": [], "version": 1,
                     "updatedAt": "2026-01-01T00:00:00Z", "bedCount": 480}""");
        }
        await().atMost(Duration.ofSeconds(60)).until(consumer::caughtUp);
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.knows("RT-H02"));
        assertThat(replica.levelOf("RT-H02")).isEqualTo(CareLevel.SECONDARY);
        assertThat(consumer.skippedRecords()).isZero();

        SanyiTestInfrastructure.stopKafka();
        Thread.sleep(8000);
        SanyiTestInfrastructure.startKafka();
        try (DirectoryPublisher directory = DirectoryPublisher.to(bootstrap)) {
            directory.publish(institution("RT-H03", 1));
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> replica.knows("RT-H03"));
        assertThat(consumer.caughtUp()).isTrue();
        assertThat(consumer.polledWithin(Duration.ofSeconds(30)))
                .as("the worker still polls after the outage")
                .isTrue();
    }

    /** As the services configure theirs: unknown fields fail (platform default), so leniency must be the replica's. */
    private static ObjectMapper strictApplicationMapper() {
        return new ObjectMapper().findAndRegisterModules().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static InstitutionSnapshot institution(String code, long version) {
        return new InstitutionSnapshot(
                code,
                code,
                InstitutionType.GENERAL_HOSPITAL,
                CareLevel.SECONDARY,
                Ownership.GOVERNMENT,
                new Region("350000", "350900", "350921", null),
                true,
                List.of(),
                version,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
