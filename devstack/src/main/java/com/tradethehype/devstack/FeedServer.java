package com.tradethehype.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves recorded feed files from one folder over loopback HTTP, the way a real feed host does: a content type
 * from the file name, a strong ETag, and 304 Not Modified for a matching {@code If-None-Match}. Used by
 * {@code ./tth run --replay DIR} and by tests, so the ingest path under test is the real network path.
 */
public final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final Path root;
    private final AtomicInteger requests = new AtomicInteger();

    private FeedServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /** Serves {@code root} on loopback {@code port} (0 = any free port). */
    public static FeedServer serve(Path root, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        FeedServer feeds = new FeedServer(http, root.toAbsolutePath().normalize());
        http.createContext("/", feeds::handle);
        http.start();
        return feeds;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The URL at which {@code fileName} is served. */
    public String url(String fileName) {
        return baseUrl() + fileName;
    }

    /** Requests answered so far (including 304s and 404s). */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String etag = "\"" + sha256(body) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String contentType(String name) {
        if (name.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (name.contains("atom")) {
            return "application/atom+xml";
        }
        return name.endsWith(".xml") || name.endsWith(".rss") ? "application/rss+xml" : "application/octet-stream";
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
