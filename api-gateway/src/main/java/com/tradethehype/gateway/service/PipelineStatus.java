package com.tradethehype.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradethehype.gateway.client.DownstreamException;
import com.tradethehype.gateway.client.IngestClient;
import com.tradethehype.gateway.client.ReadinessProbe;
import com.tradethehype.gateway.client.ReadinessProbe.Readiness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The pipeline at a glance: each service's readiness, each source's health, the model in use and the last digest.
 * Every part is read on its own, so one service down shows as DOWN/UNREACHABLE instead of failing the whole page.
 */
@ApplicationScoped
public class PipelineStatus {

    private static final List<String> SOURCE_FIELDS = List.of("name", "kind", "enabled", "health", "lastPolledAt",
            "lastSuccessAt", "lastErrorAt", "consecutiveFailures", "itemsPublished");

    private final ReadinessProbe probe;
    private final String ingestUrl;
    private final String sentimentUrl;
    private final String digestUrl;
    private final IngestClient ingest;
    private final DashboardData dashboard;
    private final ObjectMapper json;

    public PipelineStatus(ReadinessProbe probe, @RestClient IngestClient ingest, DashboardData dashboard,
                          ObjectMapper json, @ConfigProperty(name = "tth.ingest.url") String ingestUrl,
                          @ConfigProperty(name = "tth.sentiment.url") String sentimentUrl,
                          @ConfigProperty(name = "tth.digest.url") String digestUrl) {
        this.probe = probe;
        this.ingestUrl = ingestUrl;
        this.sentimentUrl = sentimentUrl;
        this.digestUrl = digestUrl;
        this.ingest = ingest;
        this.dashboard = dashboard;
        this.json = json;
    }

    public ObjectNode read() {
        ObjectNode status = json.createObjectNode();
        List<Readiness> ready = List.of(probe.probe("ingest-service", ingestUrl),
                probe.probe("sentiment-service", sentimentUrl), probe.probe("digest-service", digestUrl));
        status.set("services", json.valueToTree(ready));
        status.set("model", model(ready.get(1)));
        status.set("sources", sources());
        status.set("lastDigest", lastDigest());
        return status;
    }

    /** The sentiment model check as sentiment-service reports it: state, model id/version, error. */
    private JsonNode model(Readiness sentiment) {
        ObjectNode model = json.createObjectNode();
        if (sentiment.checks() != null) {
            for (JsonNode check : sentiment.checks()) {
                if (check.path("name").asText().contains("model")) {
                    model.put("status", check.path("status").asText());
                    if (check.path("data").isObject()) {
                        model.setAll((ObjectNode) check.get("data").deepCopy());
                    }
                    return model;
                }
            }
        }
        model.put("status", "UNKNOWN");
        model.put("error", sentiment.error() != null ? sentiment.error() : "sentiment-service reported no model check");
        return model;
    }

    /** Each source's health without URLs or error texts (admins see those at /api/admin/sources). */
    private JsonNode sources() {
        ObjectNode result = json.createObjectNode();
        try {
            ArrayNode list = json.createArrayNode();
            for (JsonNode source : ingest.sources()) {
                ObjectNode item = list.addObject();
                SOURCE_FIELDS.forEach(f -> {
                    if (source.has(f)) {
                        item.set(f, source.get(f));
                    }
                });
                item.put("lastStatus", source.path("lastResult").path("status").asText(null));
            }
            result.put("available", true);
            result.set("items", list);
        } catch (RuntimeException e) {
            result.put("available", false);
            result.put("error", "ingest-service is unavailable");
        }
        return result;
    }

    private JsonNode lastDigest() {
        ObjectNode result = json.createObjectNode();
        try {
            JsonNode digest = dashboard.digest("latest");
            for (String f : List.of("date", "status", "generatedAt", "articles", "sources", "model")) {
                if (digest.has(f)) {
                    result.set(f, digest.get(f));
                }
            }
            result.put("available", true);
        } catch (DownstreamException e) {
            result.put("available", e.status() == 404);
            result.put("error", e.status() == 404 ? "no digest yet" : "digest-service answered " + e.status());
        } catch (RuntimeException e) {
            result.put("available", false);
            result.put("error", "digest-service is unavailable");
        }
        return result;
    }
}
