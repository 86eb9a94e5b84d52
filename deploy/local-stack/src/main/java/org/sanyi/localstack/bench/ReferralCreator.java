package org.sanyi.localstack.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.sanyi.localstack.exchange.ExchangeClient;

/** Sends one planned {@code POST /v1/referrals} and reports what came back. */
public final class ReferralCreator {

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

    private final ExchangeClient client;
    private final URI referrals;
    private final ReferralRequestFactory requests;

    public ReferralCreator(ExchangeClient client, URI referralServiceBase, ReferralRequestFactory requests) {
        this.client = client;
        this.referrals = referralServiceBase.resolve("/v1/referrals");
        this.requests = requests;
    }

    public CompletableFuture<Outcome> createNext() {
        ReferralRequestFactory.PlannedCreate planned = requests.next();
        return client.postAsync(
                        referrals,
                        planned.sender(),
                        planned.body(),
                        Map.of("Idempotency-Key", planned.idempotencyKey()))
                .handle((response, error) -> error != null ? failed(error) : outcomeOf(response));
    }

    private static Outcome outcomeOf(HttpResponse<byte[]> response) {
        if (response.statusCode() == 201) {
            String location = response.headers().firstValue("Location").orElse("");
            String id = location.isEmpty() ? null : location.substring(location.lastIndexOf('/') + 1);
            return new Outcome(201, id, id == null ? "201 without Location" : null);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return new Outcome(response.statusCode(), null, body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    private static Outcome failed(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return new Outcome(-1, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
