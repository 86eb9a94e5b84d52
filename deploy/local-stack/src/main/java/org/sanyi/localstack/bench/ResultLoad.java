package org.sanyi.localstack.bench;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.sanyi.localstack.exchange.HospitalTokens;

/** The requests of {@code bench results}, as {@link LoadRequests} for {@link LoadPhases}. */
public final class ResultLoad {

    static final String CHECKS = "/v1/recognition-checks";
    static final String BATCHES = "/v1/result-batches";

    public static final ServiceFigures.Endpoint CHECK_ENDPOINT =
            new ServiceFigures.Endpoint("result-service", "POST", CHECKS, "checks");
    public static final ServiceFigures.Endpoint BATCH_ENDPOINT =
            new ServiceFigures.Endpoint("result-service", "POST", BATCHES, "batches");

    private ResultLoad() {}

    /** Checks before ordering; a check succeeded with 201 and a Location naming it. */
    public static LoadRequests checks(LoadClient client, HospitalTokens tokens, ResultRequestFactory requests) {
        return () -> {
            ResultRequestFactory.Planned planned = requests.nextCheck();
            return send(client, CHECKS, tokens.bearerFor(planned.institution()), planned.body(), 201, true);
        };
    }

    /** Batches of {@code size} results; a batch succeeded with 200 (all or none of its results published). */
    public static LoadRequests batches(
            LoadClient client, HospitalTokens tokens, ResultRequestFactory requests, int size) {
        return () -> {
            ResultRequestFactory.Planned planned = requests.nextBatch(size, Instant.now());
            return send(client, BATCHES, tokens.bearerFor(planned.institution()), planned.body(), 200, false);
        };
    }

    private static CompletableFuture<RequestOutcome> send(
            LoadClient client, String path, String bearer, byte[] body, int expected, boolean needsLocation) {
        return client.post(path, bearer, null, body, expected)
                .handle((answer, error) -> error != null
                        ? RequestOutcome.failed(error)
                        : RequestOutcome.of(answer, expected, needsLocation));
    }
}
