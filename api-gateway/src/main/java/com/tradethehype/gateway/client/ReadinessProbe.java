package com.tradethehype.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a service's {@code /q/health/ready}. A plain HTTP client on purpose: a DOWN service answers 503 with the
 * checks that say why, and the status page wants that body, not an exception.
 */
@ApplicationScoped
public class ReadinessProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;

    public ReadinessProbe(ObjectMapper json) {
        this.json = json;
    }

    /** UP/DOWN with the service's checks, or UNREACHABLE with the reason. */
    public Readiness probe(String name, String baseUrl) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(TIMEOUT).GET().build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            String status = body.path("status").asText(response.statusCode() == 200 ? "UP" : "DOWN");
            return new Readiness(name, status, body.path("checks"), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Readiness(name, "UNREACHABLE", null, "interrupted");
        } catch (Exception e) {
            return new Readiness(name, "UNREACHABLE", null, "no answer from " + name);
        }
    }

    /** One service's readiness: {@code checks} as the service reports them. */
    public record Readiness(String service, String status, JsonNode checks, String error) {
    }
}
