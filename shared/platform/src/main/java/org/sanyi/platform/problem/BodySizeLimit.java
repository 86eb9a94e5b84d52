package org.sanyi.platform.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects bodies above the limit with a 413 problem: a declared length before anything reads the body, a chunked
 * body while it is read, as soon as it passes the limit. Vert.x's own limit ({@code quarkus.http.limits.max-body-size},
 * set higher) stays as the backstop.
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

    @ServerRequestFilter
    public void boundUndeclaredBody(ContainerRequestContext context) {
        if (context.hasEntity() && context.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null) {
            context.setEntityStream(new Bounded(context.getEntityStream(), maxBodyBytes));
        }
    }

    /** Counts what the reader takes and stops it one byte past the limit. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new ApiProblem(
                        PlatformProblem.PAYLOAD_TOO_LARGE,
                        "The chunked body passed " + limit + " bytes, the most that is accepted");
            }
        }
    }
}
