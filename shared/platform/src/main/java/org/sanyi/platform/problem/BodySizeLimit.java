package org.sanyi.platform.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects declared bodies above the limit with a 413 problem before anything reads them. Vert.x's own limit
 * ({@code quarkus.http.limits.max-body-size}, set higher) stays as the backstop for undeclared chunked bodies.
 */
public class BodySizeLimit {

    @ConfigProperty(name = "sanyi.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @ServerRequestFilter(preMatching = true)
    public void rejectOversizedBody(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            throw new ApiProblem(PlatformProblem.BAD_REQUEST, "Content-Length is not a number");
        }
        if (length > maxBodyBytes) {
            throw new ApiProblem(
                    PlatformProblem.PAYLOAD_TOO_LARGE,
                    "The body has " + length + " bytes; at most " + maxBodyBytes + " are accepted");
        }
    }
}
