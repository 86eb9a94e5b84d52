package org.sanyi.localstack.bench;

import java.util.concurrent.CompletableFuture;
import org.sanyi.localstack.exchange.HospitalTokens;

/** Sends one planned {@code POST /v1/referrals} and reports what came back. */
public final class ReferralCreator {

    private static final String REFERRALS = "/v1/referrals";

    /**
     * @param status HTTP status, or -1 when no answer came (connection failure, timeout)
     * @param referralId the created referral (from {@code Location}), or null
     * @param failure what went wrong when the status is not 201, for the report
     */
    public record Outcome(int status, String referralId, String failure) {
        public boolean created() {
            return status == 201 && referralId != null;
        }
    }

    private final LoadClient client;
    private final HospitalTokens tokens;
    private final ReferralRequestFactory requests;

    public ReferralCreator(LoadClient client, HospitalTokens tokens, ReferralRequestFactory requests) {
        this.client = client;
        this.tokens = tokens;
        this.requests = requests;
    }

    public CompletableFuture<Outcome> createNext() {
        ReferralRequestFactory.PlannedCreate planned = requests.next();
        return client.post(REFERRALS, tokens.bearerFor(planned.sender()), planned.idempotencyKey(), planned.body())
                .handle((answer, error) -> error != null ? failed(error) : outcomeOf(answer));
    }

    private static Outcome outcomeOf(LoadClient.Answer answer) {
        if (answer.status() == 201) {
            String location = answer.location() == null ? "" : answer.location();
            String id = location.isEmpty() ? null : location.substring(location.lastIndexOf('/') + 1);
            return new Outcome(201, id, id == null ? "201 without Location" : null);
        }
        String body = answer.body() == null ? "" : answer.body();
        return new Outcome(answer.status(), null, body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    private static Outcome failed(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return new Outcome(-1, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
