package com.tradethehype.ingest.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Asks digest-service which articles it has stored ({@code POST /articles/stored}). Digest's tables stay digest's:
 * this is the only way ingest learns what happened to what it published.
 */
public class DigestClient {

    private final URI stored;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    public DigestClient(URI digestUrl, Duration timeout, ObjectMapper json) {
        String base = digestUrl.toString().replaceAll("/+$", "");
        this.stored = URI.create(base + "/articles/stored");
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The subset of {@code articleIds} that digest holds; throws {@link DigestUnavailableException} otherwise. */
    public Set<String> stored(Collection<String> articleIds) {
        try {
            HttpRequest request = HttpRequest.newBuilder(stored).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("ids", articleIds))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new DigestUnavailableException("digest answered " + response.statusCode() + " to POST "
                        + stored + ": " + detail(response.body()), null);
            }
            JsonNode ids = json.readTree(response.body()).path("stored");
            if (!ids.isArray()) {
                throw new DigestUnavailableException("digest's answer has no 'stored' list", null);
            }
            Set<String> asked = new HashSet<>(articleIds);
            Set<String> held = new HashSet<>();
            ids.forEach(id -> {
                if (asked.contains(id.asText())) {
                    held.add(id.asText());
                }
            });
            return held;
        } catch (IOException e) {
            throw new DigestUnavailableException("digest unreachable at " + stored + ": " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DigestUnavailableException("interrupted while asking digest", e);
        }
    }

    private String detail(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node.path("detail").asText(node.path("title").asText("no detail"));
        } catch (IOException e) {
            return "no problem body";
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
