package org.sanyi.localstack.bench;

import java.time.Instant;
import org.sanyi.localstack.exchange.HospitalTokens;

/** The requests of {@code bench imaging}, as {@link LoadRequests} for {@link LoadPhases}. */
public final class ImagingLoad {

    static final String SEARCHES = "/dicomweb/studies";
    static final String BATCHES = "/v1/study-batches";
    static final String DICOM_JSON = "application/dicom+json, application/problem+json";

    public static final ServiceFigures.Endpoint SEARCH_ENDPOINT =
            new ServiceFigures.Endpoint("imaging-service", "GET", SEARCHES, "searches");
    public static final ServiceFigures.Endpoint BATCH_ENDPOINT =
            new ServiceFigures.Endpoint("imaging-service", "POST", BATCHES, "batches");

    private ImagingLoad() {}

    /**
     * QIDO-RS searches as the county hospital; a search succeeded with 200 (studies found and disclosed: 204 would mean
     * none, 403 that the access decision refused them).
     */
    public static LoadRequests searches(LoadClient client, HospitalTokens tokens, ImagingRequestFactory requests) {
        String bearer = tokens.bearerFor(ImagingRequestFactory.SEARCHER);
        return () -> client.get(requests.nextSearchPath(), bearer, DICOM_JSON, 200)
                .handle((answer, error) ->
                        error != null ? RequestOutcome.failed(error) : RequestOutcome.of(answer, 200, false));
    }

    /** Batches of {@code size} studies as the township centre; a batch succeeded with 200 (all or none stored). */
    public static LoadRequests batches(
            LoadClient client, HospitalTokens tokens, ImagingRequestFactory requests, int size) {
        String bearer = tokens.bearerFor(ImagingRequestFactory.REGISTRAR);
        return () -> client.post(BATCHES, bearer, null, requests.nextBatch(size, Instant.now()), 200)
                .handle((answer, error) ->
                        error != null ? RequestOutcome.failed(error) : RequestOutcome.of(answer, 200, false));
    }
}
