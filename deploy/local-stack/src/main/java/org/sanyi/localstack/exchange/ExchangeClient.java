package org.sanyi.localstack.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Calls the services' public REST APIs as a hospital: JSON in, {@link ApiAnswer} out. HTTP/1.1 with keep-alive;
 * the JDK client opens another pooled connection whenever all open ones are busy.
 */
public final class ExchangeClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final HospitalTokens tokens;

    public ExchangeClient(HospitalTokens tokens) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.tokens = tokens;
    }

    public ApiAnswer get(URI uri, String institution) throws IOException, InterruptedException {
        return send(request(uri, institution, null).GET().build());
    }

    /** A GET in another role than hospital, e.g. {@code regulator}. */
    public ApiAnswer getInRole(URI uri, String institution, String role) throws IOException, InterruptedException {
        return send(request(uri, institution, null, role).GET().build());
    }

    /** A POST in another role than hospital, e.g. {@code regulator}. */
    public ApiAnswer postInRole(URI uri, String institution, String role, JsonNode body)
            throws IOException, InterruptedException {
        return send(request(uri, institution, null, role)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build());
    }

    public ApiAnswer post(URI uri, String institution, JsonNode body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return postAs(uri, institution, null, body, headers);
    }

    /** A POST as another user ({@code sub}) of the institution; null for the tokens' default user. */
    public ApiAnswer postAs(URI uri, String institution, String subject, JsonNode body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(uri, institution, subject)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * Any call: {@code method} with a JSON {@code body} (or none), in {@code role}, with extra headers (purpose of use,
     * break-glass reason, Accept).
     */
    public ApiAnswer call(
            String method, URI uri, String institution, String role, JsonNode body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(uri, institution, null, role);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    /** A GET without a token, e.g. a health or metrics endpoint. */
    public String getText(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpRequest.Builder request(URI uri, String institution, String subject) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header(
                        "Authorization",
                        subject == null ? tokens.bearerFor(institution) : tokens.bearerFor(institution, subject))
                .header("Accept", "application/json, " + ApiAnswer.PROBLEM_JSON);
    }

    private HttpRequest.Builder request(URI uri, String institution, String subject, String role) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", tokens.bearerFor(institution, subject, role))
                .header("Accept", "application/json, " + ApiAnswer.PROBLEM_JSON);
    }

    private ApiAnswer send(HttpRequest request) throws IOException, InterruptedException {
        return answerOf(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    public static ApiAnswer answerOf(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = MissingNode.getInstance();
        if (response.body().length > 0 && contentType.contains("json")) {
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = MissingNode.getInstance();
            }
        }
        return new ApiAnswer(
                response.statusCode(),
                contentType,
                response.headers().firstValue("ETag"),
                response.headers().firstValue("Location"),
                response.headers().firstValue("Idempotent-Replayed"),
                body);
    }
}
