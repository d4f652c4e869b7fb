package com.tradethehype.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.gateway.client.Downstream;
import com.tradethehype.gateway.client.IngestClient;
import com.tradethehype.gateway.client.SentimentClient;
import com.tradethehype.gateway.security.RateLimits;
import com.tradethehype.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** "Why is this text about these tickers?" and "how does the model score it?": forwarded, bounded, rate-limited. */
@Path("/api")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ToolResource {

    private final IngestClient ingest;
    private final SentimentClient sentiment;
    private final RateLimits limits;
    private final JsonWebToken jwt;
    private final ObjectMapper json;

    public ToolResource(@RestClient IngestClient ingest, @RestClient SentimentClient sentiment, RateLimits limits,
                        JsonWebToken jwt, ObjectMapper json) {
        this.ingest = ingest;
        this.sentiment = sentiment;
        this.limits = limits;
        this.jwt = jwt;
        this.json = json;
    }

    /** ingest-service's tickers with their evidence for {@code text}. */
    @POST
    @Path("/extract")
    public JsonNode extract(@Valid @NotNull(message = "body must be {\"text\": \"...\"}") ToolRequests.Extract body) {
        limits.toolCall(jwt.getSubject());
        return Downstream.call("ingest-service", () -> ingest.extract(json.valueToTree(body)));
    }

    /** sentiment-service's probabilities for each text and the model that produced them. */
    @POST
    @Path("/score")
    public JsonNode score(@Valid @NotNull(message = "body must be {\"texts\": [...]}") ToolRequests.Score body) {
        limits.toolCall(jwt.getSubject());
        return Downstream.call("sentiment-service", () -> sentiment.score(json.valueToTree(body)));
    }
}
