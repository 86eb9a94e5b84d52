package org.sanyi.localstack.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's HTTP/1.1 client: Vert.x on one event loop, a fixed pool of keep-alive connections, requests
 * queued when all are busy. The JDK's {@code HttpClient} cost 1.5–3 ms of CPU per request, as much as the service
 * it measured; this one costs a tenth of that, so the generator no longer takes the cores it measures.
 */
public final class LoadClient implements AutoCloseable {

    private static final CharSequence IDEMPOTENCY_KEY = HttpHeaders.createOptimized("Idempotency-Key");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
    private static final long TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(10);

    /** What came back: the status, the {@code Location} header and, when it was not the expected status, the body. */
    public record Answer(int status, String location, String body) {}

    private final Vertx vertx;
    private final HttpClient http;
    private final String host;
    private final int port;

    public LoadClient(URI base, int connections) {
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setPreferNativeTransport(false));
        this.http = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** A POST expecting 201 Created. */
    public CompletableFuture<Answer> post(String path, String bearer, String idempotencyKey, byte[] body) {
        return post(path, bearer, idempotencyKey, body, 201);
    }

    /**
     * A POST of a JSON body.
     *
     * @param idempotencyKey null to send none
     * @param expectedStatus the answer's body is read into {@link Answer#body()} only when the status differs (a
     *     failure to report); the expected answer's body is drained unread
     */
    public CompletableFuture<Answer> post(
            String path, String bearer, String idempotencyKey, byte[] body, int expectedStatus) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(host)
                .setPort(port)
                .setURI(path)
                .setTimeout(TIMEOUT_MILLIS)
                .putHeader(HttpHeaders.AUTHORIZATION, bearer)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .putHeader(HttpHeaders.ACCEPT, JSON);
        if (idempotencyKey != null) {
            options.putHeader(IDEMPOTENCY_KEY, idempotencyKey);
        }
        return send(http.request(options).compose(request -> request.send(Buffer.buffer(body))), expectedStatus);
    }

    /**
     * A GET.
     *
     * @param accept the media types the answer may have
     * @param expectedStatus as for {@link #post(String, String, String, byte[], int)}: the expected answer's body is
     *     drained unread
     */
    public CompletableFuture<Answer> get(String path, String bearer, String accept, int expectedStatus) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(host)
                .setPort(port)
                .setURI(path)
                .setTimeout(TIMEOUT_MILLIS)
                .putHeader(HttpHeaders.AUTHORIZATION, bearer)
                .putHeader(HttpHeaders.ACCEPT, accept);
        return send(http.request(options).compose(request -> request.send()), expectedStatus);
    }

    private static CompletableFuture<Answer> send(Future<HttpClientResponse> sent, int expectedStatus) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        sent.compose(response -> response.body()
                        .map(content -> new Answer(
                                response.statusCode(),
                                response.getHeader(HttpHeaders.LOCATION),
                                response.statusCode() == expectedStatus
                                        ? null
                                        : content.toString(StandardCharsets.UTF_8))))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        answer.complete(result.result());
                    } else {
                        answer.completeExceptionally(result.cause());
                    }
                });
        return answer;
    }

    @Override
    public void close() {
        http.close();
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
    }
}
