package com.tradethehype.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged component running as its own operating-system process, its output kept in a log file. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> env;
    private final int incarnation;

    private ServiceProcess(String name, Process process, Path log, List<String> command, Map<String, String> env,
                           int incarnation) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.command = command;
        this.env = env;
        this.incarnation = incarnation;
    }

    static ServiceProcess start(String name, List<String> command, Map<String, String> env, Path logDir)
            throws IOException {
        return start(name, command, env, logDir, 1);
    }

    private static ServiceProcess start(String name, List<String> command, Map<String, String> env, Path logDir,
                                        int incarnation) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(incarnation == 1 ? name + ".log" : name + "-" + incarnation + ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ServiceProcess(name, builder.start(), log, List.copyOf(command), Map.copyOf(env), incarnation);
    }

    /** The same command and environment started again (after {@link #kill()} or {@link #close()}), its own log. */
    ServiceProcess restart() throws IOException {
        return restart(Map.of());
    }

    /** As {@link #restart()}, with some environment variables changed. */
    ServiceProcess restart(Map<String, String> changes) throws IOException {
        Map<String, String> changed = new java.util.HashMap<>(env);
        changed.putAll(changes);
        return start(name, command, changed, log.getParent(), incarnation + 1);
    }

    /** kill -9: no shutdown hook, no graceful close, exactly like a crashed host. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port free now, never handed out before in this JVM, and below Linux's ephemeral range (32768-60999): with
     * {@code bind(0)} the kernel gave the same port twice in a row (a CI run started digest on ingest's port, and
     * ingest answered digest's readiness check), and a port from that range can also be taken by any outgoing
     * connection before the service binds it.
     */
    static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                if (HANDED_OUT.add(port)) {
                    return socket.getLocalPort();
                }
            } catch (IOException inUse) {
                // taken; try another
            }
        }
        throw new IOException("no free port in 20000-31999 after 1,000 tries");
    }

    /** Fails, with the log's tail, if the process has exited. */
    void assertAlive() {
        checkAlive();
    }

    /** Waits until the log shows {@code line}; fails early, with the log's tail, if the process dies. */
    void awaitLogLine(String line, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            checkAlive();
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not log '" + line + "' within " + timeout + "\n" + tail());
    }

    /** Waits until {@code url} answers 200. */
    void awaitHttpOk(String url, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            checkAlive();
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + ": " + url + " not OK within " + timeout + " (last: " + last + ")\n" + tail());
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + tail());
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
