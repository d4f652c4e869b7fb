package com.tradethehype.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback endpoint speaking the AWS JSON protocols (X-Amz-Target + application/x-amz-json-1.0/1.1) and, for
 * CloudFormation, the query protocol (form body, XML answer). Answers are scripted per operation; every request is
 * recorded so tests assert the exact operations and parameters the CLI sent.
 */
final class FakeAws implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Request(String operation, String contentType, String authorization, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            return form;
        }
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Answer>> answers = new HashMap<>();

    FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers operation (an X-Amz-Target such as "AWSEvents.DisableRule", or "cloudformation:DeleteStack") with 200. */
    FakeAws reply(String operation, String body) {
        return answer(operation, 200, body);
    }

    /** Answers operation with an AWS error of the given type. */
    FakeAws fail(String operation, int status, String errorType, String message) {
        return answer(operation, status, "{\"__type\":\"" + errorType + "\",\"message\":\"" + message + "\"}");
    }

    /** Queued answers are used in order; the last one repeats. */
    private synchronized FakeAws answer(String operation, int status, String body) {
        answers.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(new Answer(status, body));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> operations() {
        return requests.stream().map(Request::operation).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String operation = target;
        boolean query = target == null;
        if (query) {
            String action = new Request("", contentType, "", body).form().get("Action");
            operation = "cloudformation:" + action;
        }
        Answer answer;
        synchronized (this) {
            requests.add(new Request(operation, contentType, exchange.getRequestHeaders().getFirst("Authorization"), body));
            Deque<Answer> queue = answers.get(operation);
            answer = queue == null ? null : queue.size() > 1 ? queue.poll() : queue.peek();
        }
        if (answer == null) {
            answer = new Answer(400, "{\"__type\":\"UnknownOperationException\",\"message\":\"not scripted: " + operation + "\"}");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", query ? "text/xml" : contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "test-request");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
