package org.sanyi.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sanyi.events.Topic;

/** Which topics this service makes sure exist at start-up, and how they are created. */
@ConfigMapping(prefix = "sanyi.kafka.topics")
public interface TopicProvisioningConfig {

    /** Turn off where topics are managed elsewhere (Strimzi {@code KafkaTopic} resources). */
    @WithDefault("true")
    boolean enabled();

    /** The topics this service publishes to, by {@link Topic} constant name; compaction follows the catalogue. */
    Optional<List<Topic>> provision();

    /** Partitions of a topic created here; an existing topic keeps its count (changing it would move keys). */
    @WithDefault("3")
    int partitions();

    /** Replication factor of a topic created here; the broker's default when unset. */
    Optional<Short> replicationFactor();

    /** How long one attempt may wait for the broker. */
    @WithDefault("10s")
    Duration timeout();

    /** Pause between attempts while the broker is unreachable. */
    @WithDefault("5s")
    Duration retryInterval();
}
