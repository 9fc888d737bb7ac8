package dev.nanomeet.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

/** Talks plain HTTP to the emulator of the test deployment, as any client of the real service would. */
final class Emulator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Emulator() {
    }

    /** A response: status and body. */
    record Answer(int status, String body) {

        JsonObject json() {
            return (JsonObject) parse(body);
        }

        JsonArray array() {
            return (JsonArray) parse(body);
        }
    }

    static Answer post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Deployments.BASE_URL + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    static Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Deployments.BASE_URL + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    static Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(Deployments.BASE_URL + path)).timeout(Duration.ofSeconds(10))
                .DELETE().build());
    }

    static Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** A request with the given method, content type (none when null) and body (none when null), sent as it is. */
    static Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Deployments.BASE_URL + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** How many calls to {@code path} (such as /emulator/token/nanomeet) the emulator has received so far. */
    static int calls(String path) {
        return (int) get("/emulator/admin/calls", Map.of()).array().stream()
                .filter(call -> path.equals(call.asJsonObject().getString("path"))).count();
    }

    /** How many calls the emulator's token and bintu endpoints have received so far. */
    static int callCount() {
        return get("/emulator/admin/calls", Map.of()).array().size();
    }

    /** What the emulator's recorder number {@code index} does. */
    static JsonObject recorder(int index) {
        return get("/emulator/admin/recorders", Map.of()).array().getJsonObject(index);
    }

    static JsonArray streams() {
        return get("/emulator/admin/streams", Map.of()).array();
    }

    static JsonStructure parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
