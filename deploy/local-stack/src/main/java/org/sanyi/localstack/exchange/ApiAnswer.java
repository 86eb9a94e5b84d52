package org.sanyi.localstack.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One HTTP answer of a service: status, the headers the scenarios look at, and the JSON body (a missing node when
 * the body was empty or not JSON).
 */
public record ApiAnswer(
        int status,
        String contentType,
        Optional<String> etag,
        Optional<String> location,
        Optional<String> idempotentReplayed,
        JsonNode body) {

    public static final String PROBLEM_JSON = "application/problem+json";

    public boolean isProblem() {
        return contentType != null && contentType.startsWith(PROBLEM_JSON);
    }

    /** The exchange's stable problem code (e.g. {@code PLT-0006}), or an empty string. */
    public String problemCode() {
        return body.path("code").asText("");
    }

    public String text(String field) {
        return body.path(field).asText("");
    }
}
