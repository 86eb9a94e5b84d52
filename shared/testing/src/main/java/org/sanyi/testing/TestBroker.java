package org.sanyi.testing;

/** The one Kafka broker of a test JVM, embedded or in a container. */
interface TestBroker {

    String bootstrapServers();

    boolean isRunning();

    /** Starts the broker, or starts it again after {@link #stop()} on the same address with its data. */
    void start();

    /** Stops the broker, keeping its address and data for {@link #start()}. */
    void stop();

    /** At JVM exit: stops the broker and removes what it stored. */
    void stopAndDeleteData();
}
