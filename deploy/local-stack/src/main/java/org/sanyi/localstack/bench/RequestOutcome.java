package org.sanyi.localstack.bench;

/**
 * What came back for one request of a load phase.
 *
 * @param status HTTP status, or -1 when no answer came (connection failure, timeout)
 * @param succeeded whether the request did what it was sent for (e.g. 201 with a Location)
 * @param id what it created (from {@code Location}), or null
 * @param failure what went wrong when it did not succeed, for the report
 */
public record RequestOutcome(int status, boolean succeeded, String id, String failure) {

    private static final int MAX_FAILURE_CHARS = 300;

    public static RequestOutcome success(int status, String id) {
        return new RequestOutcome(status, true, id, null);
    }

    /**
     * The outcome of an answer: success when the status is the expected one (and, if {@code needsLocation}, a
     * {@code Location} names what was created, whose last path segment becomes the id).
     */
    public static RequestOutcome of(LoadClient.Answer answer, int expectedStatus, boolean needsLocation) {
        if (answer.status() == expectedStatus) {
            String location = answer.location() == null ? "" : answer.location();
            String id = location.isEmpty() ? null : location.substring(location.lastIndexOf('/') + 1);
            if (id == null && needsLocation) {
                return new RequestOutcome(answer.status(), false, null, expectedStatus + " without Location");
            }
            return success(answer.status(), id);
        }
        String body = answer.body() == null ? "" : answer.body();
        return new RequestOutcome(
                answer.status(),
                false,
                null,
                body.length() > MAX_FAILURE_CHARS ? body.substring(0, MAX_FAILURE_CHARS) + "…" : body);
    }

    /** No answer: the request failed in the client or the connection. */
    public static RequestOutcome failed(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return new RequestOutcome(-1, false, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
