package org.sanyi.events;

/**
 * Every Kafka topic the exchange publishes to. Names follow {@code <aggregate>.<kind>.v<major>}; the key of
 * every message is the aggregate id, so one aggregate's events stay ordered in one partition.
 */
public enum Topic {
    DIRECTORY_INSTITUTIONS("directory.institutions.v1", true, "institution code"),
    DIRECTORY_GROUPS("directory.groups.v1", true, "medical group id"),
    REFERRAL_EVENTS("referral.events.v1", false, "referral id"),
    RESULT_CATALOGUE("result.catalogue.v1", true, "recognition item code"),
    RESULT_EVENTS("result.events.v1", false, "result id (result events) or check id (check and decision events)"),
    IMAGING_EVENTS("imaging.events.v1", false, "study id"),
    IMAGING_ACCESS("imaging.access.v1", false, "patient pseudonym (accesses) or access id (reviews)");

    private final String topicName;
    private final boolean compacted;
    private final String keyDescription;

    Topic(String topicName, boolean compacted, String keyDescription) {
        this.topicName = topicName;
        this.compacted = compacted;
        this.keyDescription = keyDescription;
    }

    public String topicName() {
        return topicName;
    }

    /** Compacted topics carry full snapshots, so a consumer rebuilds current state by reading from the start. */
    public boolean compacted() {
        return compacted;
    }

    public String keyDescription() {
        return keyDescription;
    }
}
