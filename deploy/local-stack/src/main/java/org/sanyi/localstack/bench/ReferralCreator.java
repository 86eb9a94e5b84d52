package org.sanyi.localstack.bench;

import java.util.concurrent.CompletableFuture;
import org.sanyi.localstack.exchange.HospitalTokens;

/** Sends one planned {@code POST /v1/referrals}; it succeeded with a 201 whose Location names the referral. */
public final class ReferralCreator implements LoadRequests {

    private static final String REFERRALS = "/v1/referrals";

    private final LoadClient client;
    private final HospitalTokens tokens;
    private final ReferralRequestFactory requests;

    public ReferralCreator(LoadClient client, HospitalTokens tokens, ReferralRequestFactory requests) {
        this.client = client;
        this.tokens = tokens;
        this.requests = requests;
    }

    @Override
    public CompletableFuture<RequestOutcome> sendNext() {
        ReferralRequestFactory.PlannedCreate planned = requests.next();
        return client.post(REFERRALS, tokens.bearerFor(planned.sender()), planned.idempotencyKey(), planned.body())
                .handle((answer, error) ->
                        error != null ? RequestOutcome.failed(error) : RequestOutcome.of(answer, 201, true));
    }
}
