package org.sanyi.localstack.bench;

import java.util.concurrent.CompletableFuture;

/** What a load phase sends: the next planned request of a scenario, sent asynchronously. Thread-safe. */
public interface LoadRequests {

    /** Sends the next request; the future completes with its outcome, never exceptionally. */
    CompletableFuture<RequestOutcome> sendNext();
}
