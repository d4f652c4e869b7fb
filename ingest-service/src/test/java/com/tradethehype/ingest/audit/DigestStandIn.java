package com.tradethehype.ingest.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server standing in for digest-service's {@code POST /articles/stored}: answers which of the asked
 * ids it holds, or a 503 problem when told to fail. Records every question.
 */
final class DigestStandIn implements AutoCloseable {

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private final List<List<String>> asked = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    private DigestStandIn(HttpServer server) {
        this.server = server;
    }

    static DigestStandIn start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            DigestStandIn standIn = new DigestStandIn(http);
            http.createContext("/articles/stored", standIn::handle);
            http.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on digest holds {@code ids}. */
    void store(String... ids) {
        stored.addAll(List.of(ids));
    }

    /** Answer every question with {@code status} (0: answer normally). */
    void failWith(int status) {
        failWith = status;
    }

    /** The id lists asked about so far. */
    List<List<String>> asked() {
        return asked;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody());
            List<String> ids = new ArrayList<>();
            body.path("ids").forEach(id -> ids.add(id.asText()));
            asked.add(ids);
            if (!"POST".equals(exchange.getRequestMethod()) || failWith != 0) {
                int status = failWith != 0 ? failWith : 405;
                reply(exchange, status, "application/problem+json", Map.of("status", status, "title", "Unavailable",
                        "detail", "database unreachable"));
                return;
            }
            reply(exchange, 200, "application/json", Map.of("stored", ids.stream().filter(stored::contains).toList()));
        }
    }

    private void reply(HttpExchange exchange, int status, String type, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
