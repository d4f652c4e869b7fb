package com.tradethehype.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server standing in for one internal service: answers with the documented shapes by default,
 * can be told to answer one route differently, to be slow, or to drop every connection (an outage), and records
 * every request it got.
 */
public final class StubServer implements AutoCloseable {

    /** A request as received; {@code query} undecoded, {@code body} as text. */
    public record Request(String method, String path, String query, String body, Map<String, String> headers) {
    }

    /** An answer; {@code delay} before any byte is sent. */
    public record Reply(int status, String body, Duration delay) {

        public static Reply json(int status, String body) {
            return new Reply(status, body, Duration.ZERO);
        }

        public static Reply problem(int status, String detail) {
            return json(status, "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + ",\"detail\":\""
                    + detail + "\"}");
        }

        public Reply after(Duration wait) {
            return new Reply(status, body, wait);
        }
    }

    private final String name;
    private final HttpServer server;
    private final Function<Request, Reply> defaults;
    private final Map<String, Reply> overrides = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    StubServer(String name, Function<Request, Reply> defaults) {
        this.name = name;
        this.defaults = defaults;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code "GET /signals"} (method, space, exact path) with {@code reply} until {@link #reset()}. */
    public void on(String route, Reply reply) {
        overrides.put(route, reply);
    }

    /** Closes every connection without an answer, as a crashed or unreachable service would look. */
    public void down(boolean down) {
        this.down = down;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests to exactly {@code method path}. */
    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public void reset() {
        overrides.clear();
        requests.clear();
        down = false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), body, headers);
            requests.add(request);
            if (down) {
                return; // closing without a status line: the client sees the connection end
            }
            Reply reply = overrides.get(request.method() + " " + request.path());
            reply = reply != null ? reply : defaults.apply(request);
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            String type = reply.status() >= 400 ? "application/problem+json" : "application/json";
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException | InterruptedException e) {
            // the gateway gave up (timeout): what the slow-answer tests want
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Override
    public String toString() {
        return name + " stub at " + url();
    }
}
