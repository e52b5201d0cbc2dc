package org.gemba.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client over java.net.http: real requests, raw bodies and any header, so tests can
 * send exactly what a careless or hostile client would.
 */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final Map<String, String> headers;

    private Http(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public static Http at(int port) {
        return new Http("http://127.0.0.1:" + port, Map.of());
    }

    public Http header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Http(base, copy);
    }

    public Http basic(String email, String password) {
        String encoded = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return header("Authorization", "Basic " + encoded);
    }

    public Http bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Res get(String path) {
        return send("GET", path, null, null);
    }

    public Res delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Res post(String path, Object body) {
        return send("POST", path, json(body), "application/json");
    }

    public Res put(String path, Object body) {
        return send("PUT", path, json(body), "application/json");
    }

    public Res patch(String path, Object body) {
        return send("PATCH", path, json(body), "application/json");
    }

    public Res postRaw(String path, String body, String contentType) {
        return send("POST", path, body, contentType);
    }

    public Res send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Res(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers and body, with the body parsed as JSON on demand. */
    public record Res(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String code() {
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
