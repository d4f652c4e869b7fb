package com.tradethehype.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradethehype.gateway.support.StubServer.Reply;
import com.tradethehype.gateway.support.StubServer.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * digest-, ingest- and sentiment-service as loopback stubs answering the shapes their READMEs and the gateway
 * issue document (fixtures in {@code src/test/resources/fixtures}); digest keeps subscribers in memory.
 */
public final class StubServices implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final StubServer digest;
    public final StubServer ingest;
    public final StubServer sentiment;
    private final Map<String, ObjectNode> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1000);

    public StubServices() {
        digest = new StubServer("digest", this::digest);
        ingest = new StubServer("ingest", StubServices::ingest);
        sentiment = new StubServer("sentiment", StubServices::sentiment);
    }

    /** Back to the documented answers, requests forgotten; subscribers are kept (accounts in the database are). */
    public void reset() {
        digest.reset();
        ingest.reset();
        sentiment.reset();
    }

    /** The subscriber digest-service holds for {@code email}, or null. */
    public JsonNode subscriberByEmail(String email) {
        return subscribers.values().stream().filter(s -> s.get("email").asText().equals(email)).findFirst().orElse(null);
    }

    /** A subscriber that exists in digest-service before any account does (e.g. signed up by mail). */
    public String addSubscriber(String email) {
        long id = nextId.getAndIncrement();
        ObjectNode s = JSON.createObjectNode().put("id", id).put("email", email).put("active", true)
                .put("createdAt", Instant.now().toString());
        s.putArray("watchlist");
        subscribers.put(Long.toString(id), s);
        return Long.toString(id);
    }

    public static String fixture(String name) {
        try (InputStream in = StubServices.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply digest(Request r) {
        String p = r.path();
        if (p.equals("/q/health/ready")) {
            return Reply.json(200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");
        }
        if (p.equals("/signals") && r.method().equals("GET")) {
            return Reply.json(200, fixture("digest-signals.json"));
        }
        if (p.startsWith("/tickers/")) {
            String symbol = p.substring("/tickers/".length());
            return symbol.equals("NOPE") ? Reply.problem(404, "no ticker NOPE")
                    : Reply.json(200, fixture("digest-ticker.json").replace("\"NVDA\"", "\"" + symbol + "\""));
        }
        if (p.equals("/digests/latest")) {
            return Reply.json(200, fixture("digest-latest.json"));
        }
        if (p.startsWith("/digests/")) {
            String date = p.substring("/digests/".length());
            return date.startsWith("2020") ? Reply.problem(404, "no digest for " + date)
                    : Reply.json(200, fixture("digest-latest.json").replace("2026-11-30", date));
        }
        if (p.equals("/articles")) {
            return Reply.json(200, fixture("digest-articles.json"));
        }
        if (p.startsWith("/subscribers")) {
            return subscribers(r);
        }
        return Reply.problem(404, "no such resource");
    }

    private Reply subscribers(Request r) {
        try {
            String id = r.path().startsWith("/subscribers/") ? r.path().substring("/subscribers/".length()) : null;
            switch (r.method()) {
                case "POST" -> {
                    JsonNode body = JSON.readTree(r.body());
                    String email = body.path("email").asText();
                    if (subscriberByEmail(email) != null) {
                        return Reply.problem(409, "a subscriber with this email exists");
                    }
                    ObjectNode s = ((ObjectNode) body.deepCopy()).put("id", nextId.getAndIncrement())
                            .put("createdAt", Instant.now().toString());
                    subscribers.put(s.get("id").asText(), s);
                    return Reply.json(201, s.toString());
                }
                case "GET" -> {
                    if (id == null) {
                        String email = java.net.URLDecoder.decode(r.query().replace("email=", ""), StandardCharsets.UTF_8);
                        JsonNode s = subscriberByEmail(email);
                        return Reply.json(200, s == null ? "[]" : "[" + s + "]");
                    }
                    ObjectNode s = subscribers.get(id);
                    return s == null ? Reply.problem(404, "no subscriber " + id) : Reply.json(200, s.toString());
                }
                case "PUT" -> {
                    ObjectNode s = subscribers.get(id);
                    if (s == null) {
                        return Reply.problem(404, "no subscriber " + id);
                    }
                    JsonNode body = JSON.readTree(r.body());
                    s.set("active", body.get("active"));
                    s.set("watchlist", body.get("watchlist"));
                    return Reply.json(200, s.toString());
                }
                case "DELETE" -> {
                    return subscribers.remove(id) == null ? Reply.problem(404, "no subscriber " + id) : Reply.json(204, "");
                }
                default -> {
                    return Reply.problem(405, "method not allowed");
                }
            }
        } catch (IOException e) {
            return Reply.problem(400, "malformed body");
        }
    }

    private static Reply ingest(Request r) {
        return switch (r.method() + " " + r.path()) {
            case "GET /q/health/ready" -> Reply.json(503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"sources\","
                    + "\"status\":\"DOWN\",\"data\":{\"sec-8k\":\"DOWN\"}}]}");
            case "GET /sources" -> Reply.json(200, fixture("ingest-sources.json"));
            case "POST /extract" -> Reply.json(200, fixture("ingest-extract.json"));
            default -> Reply.problem(404, "no such resource");
        };
    }

    private static Reply sentiment(Request r) {
        return switch (r.method() + " " + r.path()) {
            case "GET /q/health/ready" -> Reply.json(200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"sentiment model\","
                    + "\"status\":\"UP\",\"data\":{\"state\":\"READY\",\"model\":\"tth-finbert-mini@1\"}}]}");
            case "POST /score" -> score(r);
            default -> Reply.problem(404, "no such resource");
        };
    }

    private static Reply score(Request r) {
        try {
            int n = JSON.readTree(r.body()).path("texts").size();
            StringBuilder results = new StringBuilder();
            for (int i = 0; i < n; i++) {
                results.append(i == 0 ? "" : ",").append("{\"positive\":0.7,\"negative\":0.1,\"neutral\":0.2,"
                        + "\"label\":\"positive\",\"score\":0.6}");
            }
            return Reply.json(200, "{\"model\":{\"id\":\"tth-finbert-mini\",\"version\":\"1\"},\"results\":[" + results + "]}");
        } catch (IOException e) {
            return Reply.problem(400, "malformed body");
        }
    }

    @Override
    public void close() {
        digest.close();
        ingest.close();
        sentiment.close();
    }
}
