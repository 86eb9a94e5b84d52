package org.sanyi.platform.http;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A client that hangs up is not a server error: it is one DEBUG line, and a request whose connection is already
 * closed when it reaches the resource is not processed (no write nobody waits for, no load on a saturated service).
 */
public class ClientGone {

    private static final Logger LOG = Logger.getLogger(ClientGone.class);

    @Inject
    HttpServerRequest request;

    /** Whether {@code failure} (or a cause of it) means the peer closed the connection. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof HttpClosedException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null
                    && (t instanceof IOException || t instanceof io.vertx.core.VertxException)
                    && (message.contains("Connection was closed")
                            || message.contains("Connection reset by peer")
                            || message.contains("Broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    @ServerRequestFilter(priority = 1)
    public void refuseWhenClientGone() throws ClosedChannelException {
        if (request != null && request.response().closed()) {
            LOG.debugf("Client of %s %s left before processing", request.method(), request.path());
            throw new ClosedChannelException();
        }
    }
}
