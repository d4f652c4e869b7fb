package com.tradethehype.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault suite: PostgreSQL, SQS and the feed host each run as their own devstack process, ingest, sentiment and
 * digest as their packaged jars, and a stream of real financial posts flows through while one fault at a time
 * hits the system: kill -9 sentiment mid-batch, kill -9 digest mid-store, PostgreSQL stopped, SQS killed, a poison
 * message, a feed turning hostile, the model directory removed before a restart. After each fault every published
 * article is stored exactly once (ids compared between ingest's and digest's schemas), nothing is in a dead-letter
 * queue that should not be, and the fault was visible while it lasted. The results table is written to
 * {@code e2e/target/faults/results.md}.
 *
 * <p>The default build runs the smoke size ({@code faults.items}=60 posts per phase, {@code faults.outage}=5 s);
 * {@code ./mvnw -Pfaults verify -pl e2e} (or {@code bench/fault-suite.sh}) runs the full one: 700 posts per phase,
 * 60 s outages, at least 2,000 published articles.
 */
class FaultSuiteIT {

    static final Path ROOT = PipelineIT.ROOT;
    static final Path WORK = ROOT.resolve("e2e/target/faults");
    static final int ITEMS = Integer.getInteger("faults.items", 60);
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("faults.outage", 5));
    static final int MIN_PUBLISHED = Integer.getInteger("faults.min-published", 0);
    static final Duration SETTLE = Duration.ofMinutes(6);
    static final int FEEDS = 8;
    static final String TOKEN = "fault-suite-service-token-" + Long.toHexString(System.nanoTime()) + "-0123456789";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static final List<ServiceProcess> running = new ArrayList<>();
    static ServiceProcess database;
    static ServiceProcess queues;
    static ServiceProcess sentiment;
    static ServiceProcess digest;
    static ServiceProcess ingest;
    static int dbPort;
    static int sqsPort;
    static int sentimentPort;
    static int digestPort;
    static int ingestPort;
    static Path modelDir;
    static List<String> posts;
    static int nextPost;
    static final List<String> table = new ArrayList<>();

    @BeforeAll
    static void startSystem() throws Exception {
        PipelineIT.deleteRecursively(WORK);
        Path logs = WORK.resolve("logs");
        Path home = WORK.resolve("home");
        Path feedDir = Files.createDirectories(WORK.resolve("feeds"));
        posts = loadPosts();
        for (int f = 0; f < FEEDS; f++) {
            writeFeed(f, List.of());
        }
        modelDir = WORK.resolve("model");
        copyDirectory(Path.of(PipelineIT.MODEL_DIR), modelDir);

        dbPort = ServiceProcess.freePort();
        sqsPort = ServiceProcess.freePort();
        int smtpPort = ServiceProcess.freePort();
        int feedPort = ServiceProcess.freePort();
        Path devstackJar = ROOT.resolve("devstack/target/devstack.jar");
        database = devstack("devstack-postgres", devstackJar, Map.of("TTH_PARTS", "postgres,smtp", "TTH_HOME",
                home.toString(), "TTH_DB_PORT", "" + dbPort, "TTH_SMTP_PORT", "" + smtpPort), logs);
        queues = devstack("devstack-sqs", devstackJar, Map.of("TTH_PARTS", "sqs", "TTH_HOME", home.toString(),
                "TTH_SQS_PORT", "" + sqsPort), logs);
        devstack("devstack-feeds", devstackJar, Map.of("TTH_PARTS", "none", "TTH_HOME", home.toString(),
                "TTH_REPLAY_DIR", feedDir.toString(), "TTH_REPLAY_PORT", "" + feedPort), logs);

        Path sources = WORK.resolve("ingest-sources.properties");
        StringBuilder props = new StringBuilder("quarkus.scheduler.enabled=false\ningest.network.allow-loopback=true\n");
        for (int f = 0; f < FEEDS; f++) {
            props.append("ingest.sources.stream-").append(f).append(".url=http://127.0.0.1:").append(feedPort)
                    .append("/stream-").append(f).append(".xml\n");
        }
        Files.writeString(sources, props);

        Map<String, String> infra = new HashMap<>(Map.of("TTH_DB_HOST", "localhost", "TTH_DB_PORT", "" + dbPort,
                "TTH_SQS_ENDPOINT", "http://localhost:" + sqsPort, "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local", "AWS_REGION", "us-east-1",
                "TTH_SMTP_HOST", "localhost", "TTH_SMTP_PORT", "" + smtpPort, "TTH_SERVICE_TOKEN", TOKEN));
        infra.put("TTH_UNSUBSCRIBE_SECRET", "fault-suite-unsubscribe-secret");
        infra.put("TTH_DB_PASSWORD", "postgres");
        // short visibility timeouts so a killed consumer's batch and the poison message come back within seconds
        infra.put("SENTIMENT_CONSUMER_VISIBILITY_TIMEOUT", "5s");
        infra.put("DIGEST_CONSUMER_VISIBILITY_TIMEOUT", "5s");
        digestPort = ServiceProcess.freePort();
        sentimentPort = ServiceProcess.freePort();
        ingestPort = ServiceProcess.freePort();
        Map<String, String> ingestEnv = new HashMap<>(infra);
        ingestEnv.put("TTH_DIGEST_URL", "http://localhost:" + digestPort);
        digest = service("digest-service", digestPort, infra, List.of(), logs);
        Map<String, String> sentimentEnv = new HashMap<>(infra);
        sentimentEnv.put("TTH_MODEL_LOCATION", modelDir.toString());
        sentimentEnv.put("MALLOC_ARENA_MAX", "1");
        sentimentEnv.put("MALLOC_MMAP_THRESHOLD_", "33554432"); // as Dockerfile.jvm
        sentimentEnv.put("MALLOC_TRIM_THRESHOLD_", "50331648");
        sentimentEnv.put("DJL_CACHE_DIR", System.getProperty("e2e.djl.cache", ROOT.resolve(".cache/djl").toString()));
        sentiment = service("sentiment-service", sentimentPort, sentimentEnv, List.of("-Xmx512m"), logs);
        ingest = service("ingest-service", ingestPort, ingestEnv,
                List.of("-Dquarkus.config.locations=" + sources.toUri()), logs);
        digest.awaitHttpOk(url(digestPort, "/q/health/ready"), Duration.ofSeconds(180));
        sentiment.awaitHttpOk(url(sentimentPort, "/q/health/ready"), Duration.ofSeconds(240));
        ingest.awaitHttpOk(url(ingestPort, "/q/health/ready"), Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        if (!table.isEmpty()) {
            Files.writeString(WORK.resolve("results.md"), results());
            System.out.println(results());
        }
    }

    @Test
    void everyPublishedArticleIsStoredExactlyOnceThroughEachFault() throws Exception {
        phase("none (baseline)", poll -> "-", () -> "");

        phase("kill -9 sentiment mid-batch", poll -> {
            await("sentiment holds a batch", () -> inFlight("tth-articles-ingested") > 0, Duration.ofSeconds(60));
            sentiment.kill();
            String seen = unreachable(sentimentPort) ? "sentiment health unreachable, " + depth("tth-articles-ingested")
                    + " ingested messages waiting" : "";
            sentiment = restarted(sentiment);
            return seen;
        }, () -> "");

        phase("kill -9 digest mid-store", poll -> {
            await("digest holds a batch", () -> inFlight("tth-articles-scored") > 0, Duration.ofSeconds(120));
            digest.kill();
            String seen = unreachable(digestPort) ? "digest health unreachable, " + depth("tth-articles-scored")
                    + " scored messages waiting" : "";
            digest = restarted(digest);
            return seen;
        }, () -> "");

        phase("PostgreSQL stopped for " + OUTAGE.toSeconds() + " s", poll -> {
            poll.get(180, TimeUnit.SECONDS); // published first: the articles are on their way when the database stops
            database.close();
            String seen = visibleDuring(OUTAGE, digestPort, "digest");
            database = restarted(database);
            await("PostgreSQL back", FaultSuiteIT::databaseAnswers, Duration.ofSeconds(60));
            return seen;
        }, () -> "");

        phase("SQS killed (kill -9) for " + OUTAGE.toSeconds() + " s", poll -> {
            poll.get(180, TimeUnit.SECONDS);
            queues.kill();
            String seen = visibleDuring(OUTAGE, sentimentPort, "sentiment");
            queues = restarted(queues);
            await("SQS back", () -> depthOrMinus("tth-articles-scored") >= 0, Duration.ofSeconds(60));
            return seen;
        }, () -> "");

        phase("poison message", poll -> {
            send("tth-articles-ingested", "{\"articleId\": 42, this is not an ArticleIngested");
            await("the poison message dead-lettered", () -> depth("tth-articles-ingested-dlq") == 1,
                    Duration.ofSeconds(120));
            return "in tth-articles-ingested-dlq after " + 5 + " receives; sentiment readiness: "
                    + summary(get(url(sentimentPort, "/q/health/ready")));
        }, () -> {
            List<String> dead = peek("tth-articles-ingested-dlq");
            assertEquals(1, dead.size(), "only the poison message is dead-lettered: " + dead);
            assertTrue(dead.get(0).contains("this is not an ArticleIngested"), dead.get(0));
            return "";
        });

        phase("feed turns hostile mid-run", true, ignored -> {
            Files.writeString(WORK.resolve("feeds/stream-0.xml"), hostileFeed());
            HttpResponse<String> poll = poll();
            assertEquals(200, poll.statusCode(), "one hostile source does not fail the poll: " + poll.body());
            String sources = get(url(ingestPort, "/sources")).body();
            assertTrue(sources.contains("stream-0"), sources);
            return "poll " + poll.statusCode() + "; /sources: stream-0 " + sourceState(sources, "stream-0");
        }, () -> {
            try (Connection c = db(); var rs = c.createStatement().executeQuery(
                    "SELECT count(*) FROM digest.article WHERE title LIKE '%root:%' OR summary LIKE '%root:%'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no file content from an external entity is stored");
            }
            return "";
        });

        phase("model directory removed before a restart", true, ignored -> {
            sentiment.close();
            Path moved = WORK.resolve("model-away");
            Files.move(modelDir, moved);
            sentiment = restarted(sentiment);
            Instant started = Instant.now();
            await("sentiment reports the model failure", () -> {
                HttpResponse<String> ready = get(url(sentimentPort, "/q/health/ready"));
                return ready != null && ready.statusCode() == 503 && ready.body().contains("FAILED");
            }, Duration.ofSeconds(120));
            HttpResponse<String> failed = get(url(sentimentPort, "/q/health/ready"));
            assertTrue(!failed.body().contains("Exception") && !failed.body().contains(modelDir.toString()),
                    "readiness gives a clean reason, no class names or paths: " + failed.body());
            String seen = "readiness DOWN after " + Duration.between(started, Instant.now()).toSeconds() + " s: "
                    + summary(failed);
            int deadBefore = depth("tth-articles-ingested-dlq");
            int publishedBefore = count("SELECT count(*) FROM ingest.published_article");
            assertEquals(200, poll().statusCode());
            int waiting = count("SELECT count(*) FROM ingest.published_article") - publishedBefore;
            Thread.sleep(12_000); // longer than two visibility timeouts: a consumer that took them would show it
            assertEquals(waiting, depth("tth-articles-ingested"), "the new articles wait in the queue, untouched");
            assertEquals(deadBefore, depth("tth-articles-ingested-dlq"), "a missing model dead-letters nothing");
            sentiment.close();
            Files.move(moved, modelDir);
            sentiment = restarted(sentiment);
            return seen + "; " + waiting + " articles waited in the queue";
        }, () -> "");

        int published = count("SELECT count(*) FROM ingest.published_article");
        assertTrue(published >= MIN_PUBLISHED, "the stream published " + published + " articles, wanted >= "
                + MIN_PUBLISHED);
    }

    /** Fault hook: runs while this phase's poll publishes (or polls itself), returns what made the fault visible. */
    interface Fault {
        String inject(CompletableFuture<HttpResponse<String>> poll) throws Exception;
    }

    /** Extra check after the phase settled; returns a note (or ""). */
    interface Check {
        String verify() throws Exception;
    }

    private static void phase(String fault, Fault inject, Check check) throws Exception {
        phase(fault, false, inject, check);
    }

    private static void phase(String fault, boolean pollsItself, Fault inject, Check check) throws Exception {
        int before = count("SELECT count(*) FROM ingest.published_article");
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < ITEMS && nextPost < posts.size(); i++) {
            batch.add(posts.get(nextPost++));
        }
        for (int f = 0; f < FEEDS; f++) {
            List<String> mine = new ArrayList<>();
            for (int i = f; i < batch.size(); i += FEEDS) {
                mine.add(batch.get(i));
            }
            if (!(fault.startsWith("feed turns hostile") && f == 0)) {
                writeFeed(f, mine);
            }
        }
        CompletableFuture<HttpResponse<String>> polling = pollsItself ? null : CompletableFuture.supplyAsync(() -> {
            try {
                return poll();
            } catch (Exception e) {
                throw new IllegalStateException("poll failed", e);
            }
        });
        String visible = inject.inject(polling);
        Instant faultEnd = Instant.now();
        if (polling != null) {
            HttpResponse<String> poll = polling.get(180, TimeUnit.SECONDS);
            assertEquals(200, poll.statusCode(), "poll: " + poll.body());
        }
        int in = count("SELECT count(*) FROM ingest.published_article") - before;
        settle(fault);
        Duration recovery = Duration.between(faultEnd, Instant.now());
        String note = check.verify();
        int stored = count("SELECT count(*) FROM digest.article");
        int duplicates = count("SELECT (SELECT count(*) FROM digest.article_score) - (SELECT count(*) FROM "
                + "(SELECT DISTINCT article_id, model_id, model_version FROM digest.article_score) d)");
        table.add("| " + fault + " | " + in + " | " + stored + " / " + count("SELECT count(*) FROM "
                + "ingest.published_article") + " | " + duplicates + " | " + recovery.toMillis() / 1000.0 + " s | "
                + (visible + note).replace("|", "/").replace("\n", " ") + " |");
        System.out.println("fault suite: " + table.get(table.size() - 1));
        assertEquals(0, duplicates, "no score stored twice");
        assertEquals(0, depth("tth-articles-scored-dlq"), "nothing dead-lettered after scoring");
    }

    /** Waits until every published id is stored and both work queues are empty, then compares the id sets. */
    private static void settle(String fault) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        Set<String> missing = Set.of();
        while (Instant.now().isBefore(deadline)) {
            for (ServiceProcess service : List.of(ingest, sentiment, digest)) {
                service.assertAlive(); // a service that died says so now, not after the whole wait
            }
            missing = missingIds();
            if (missing.isEmpty() && depthOrMinus("tth-articles-ingested") == 0
                    && depthOrMinus("tth-articles-scored") == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(fault + ": " + missing.size() + " published articles not stored within " + SETTLE
                + " (e.g. " + missing.stream().limit(5).toList() + "); queues ingested "
                + depthOrMinus("tth-articles-ingested") + ", scored " + depthOrMinus("tth-articles-scored")
                + "\nsentiment: " + sentiment.tail() + "\ndigest: " + digest.tail());
    }

    private static Set<String> missingIds() throws SQLException {
        Set<String> missing = new HashSet<>();
        try (Connection c = db(); var rs = c.createStatement().executeQuery(
                "SELECT p.article_id FROM ingest.published_article p "
                        + "LEFT JOIN digest.article a ON a.article_id = p.article_id WHERE a.article_id IS NULL")) {
            while (rs.next()) {
                missing.add(rs.getString(1));
            }
        } catch (SQLException e) {
            missing.add("(database unreachable: " + e.getMessage() + ")");
        }
        return missing;
    }

    /** Samples {@code service}'s readiness through an outage; returns what it said. */
    private static String visibleDuring(Duration outage, int port, String service) throws InterruptedException {
        Instant end = Instant.now().plus(outage);
        Set<String> seen = new LinkedHashSet<>();
        while (Instant.now().isBefore(end)) {
            HttpResponse<String> ready = get(url(port, "/q/health/ready"));
            if (ready != null && ready.statusCode() != 200) {
                seen.add(service + " readiness " + ready.statusCode() + ": " + summary(ready));
            }
            Thread.sleep(1_000);
        }
        assertTrue(!seen.isEmpty(), service + " readiness stayed UP through the outage");
        return String.join("; ", seen);
    }

    /** The DOWN checks of a health answer, e.g. "articles-scored consumer: PAUSED (database unavailable)". */
    private static String summary(HttpResponse<String> health) {
        if (health == null) {
            return "unreachable";
        }
        List<String> down = new ArrayList<>();
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"").matcher(health.body());
        while (m.find()) {
            down.add(m.group(1));
        }
        Matcher state = Pattern.compile("\"(state|consumer|reason|error|dead-letters|tth-articles-ingested-dlq|tth-articles-scored-dlq)\"\\s*:\\s*\"?([^\",}]{1,80})").matcher(health.body());
        while (state.find()) {
            down.add(state.group(1) + "=" + state.group(2));
        }
        return down.isEmpty() ? health.statusCode() + "" : String.join(", ", new LinkedHashSet<>(down));
    }

    private static String sourceState(String sourcesJson, String name) {
        int at = sourcesJson.indexOf("\"" + name + "\"");
        if (at < 0) {
            return "(absent)";
        }
        int end = sourcesJson.indexOf('}', at);
        String entry = sourcesJson.substring(at, end < 0 ? sourcesJson.length() : end);
        Matcher m = Pattern.compile("\"(status|lastStatus|lastError|state)\"\\s*:\\s*\"([^\"]{1,100})\"").matcher(entry);
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(m.group(1) + "=" + m.group(2));
        }
        return String.join(", ", parts);
    }

    // --- the stream ---

    /** Posts from the recorded tweet set, shuffled with a fixed seed, one RSS item each. */
    private static List<String> loadPosts() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("e2e/src/test/resources/stream/twitter_financial_news_train.csv"));
        List<String> texts = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            String text = comma > 0 ? line.substring(0, comma) : line;
            if (text.startsWith("\"") && text.endsWith("\"")) {
                text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            }
            if (!text.isBlank()) {
                texts.add(text);
            }
        }
        java.util.Collections.shuffle(texts, new java.util.Random(20261201L));
        return texts;
    }

    private static void writeFeed(int feed, List<String> items) throws IOException {
        DateTimeFormatter rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        Instant now = Instant.now();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>stream " + feed + "</title><link>https://stream.example.com/</link>");
        for (int i = 0; i < items.size(); i++) {
            int id = posts.indexOf(items.get(i));
            xml.append("<item><title>").append(escape(items.get(i))).append("</title><link>https://stream.example.com/")
                    .append(id).append("</link><guid>stream-").append(id).append("</guid><pubDate>")
                    .append(rfc1123.format(now.minusSeconds(i))).append("</pubDate></item>");
        }
        Files.writeString(WORK.resolve("feeds/stream-" + feed + ".xml"), xml.append("</channel></rss>\n"));
    }

    private static String hostileFeed() {
        return """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY secret SYSTEM "file:///etc/passwd">
                  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                ]>
                <rss version="2.0"><channel><title>hostile</title>
                <item><title>$AAPL &secret; &d;</title><link>https://stream.example.com/hostile</link></item>
                </channel></rss>
                """;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // --- processes ---

    private static ServiceProcess devstack(String name, Path jar, Map<String, String> env, Path logs) throws Exception {
        List<String> command = List.of(java(), "-Xmx256m", "-jar", jar.toString());
        ServiceProcess process = ServiceProcess.start(name, command, env, logs);
        running.add(process);
        process.awaitLogLine("devstack ready", Duration.ofSeconds(120));
        return process;
    }

    private static ServiceProcess service(String module, int port, Map<String, String> env, List<String> jvmArgs,
                                          Path logs) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        List<String> command = new ArrayList<>(List.of(java(),
                jvmArgs.stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElse("-Xmx384m")));
        jvmArgs.stream().filter(a -> !a.startsWith("-Xmx")).forEach(command::add);
        command.addAll(List.of("-jar", ROOT.resolve(module + "/target/quarkus-app/quarkus-run.jar").toString()));
        ServiceProcess process = ServiceProcess.start(module, command, all, logs);
        running.add(process);
        return process;
    }

    /** Starts {@code process} again and waits until it is ready (a devstack logs it; a service answers ready). */
    private static ServiceProcess restarted(ServiceProcess process) throws Exception {
        running.remove(process);
        ServiceProcess again = process.restart();
        running.add(again);
        if (process == database || process == queues) {
            again.awaitLogLine("devstack ready", Duration.ofSeconds(120));
        } else if (process == sentiment && !Files.exists(modelDir)) {
            return again; // its readiness is what the phase watches
        } else {
            int port = process == sentiment ? sentimentPort : process == digest ? digestPort : ingestPort;
            again.awaitHttpOk(url(port, "/q/health/ready"), Duration.ofSeconds(240));
        }
        return again;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // --- HTTP, SQS (query API) and database ---

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    private static HttpResponse<String> poll() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(ingestPort, "/sources/poll")))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean unreachable(int port) {
        return get(url(port, "/q/health/ready")) == null;
    }

    private static HttpResponse<String> sqs(String queue, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + sqsPort + "/000000000000/" + queue))
                        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Visible + in-flight messages, or -1 when SQS does not answer. */
    private static int depthOrMinus(String queue) {
        try {
            String body = sqs(queue, "Action=GetQueueAttributes&AttributeName.1=All").body();
            return attribute(body, "ApproximateNumberOfMessages") + attribute(body, "ApproximateNumberOfMessagesNotVisible")
                    + attribute(body, "ApproximateNumberOfMessagesDelayed");
        } catch (Exception e) {
            return -1;
        }
    }

    private static int depth(String queue) {
        int depth = depthOrMinus(queue);
        assertTrue(depth >= 0, "SQS answers for " + queue);
        return depth;
    }

    private static int inFlight(String queue) throws Exception {
        return attribute(sqs(queue, "Action=GetQueueAttributes&AttributeName.1=All").body(),
                "ApproximateNumberOfMessagesNotVisible");
    }

    private static int attribute(String xml, String name) {
        Matcher m = Pattern.compile("<Name>" + name + "</Name>\\s*<Value>(\\d+)</Value>").matcher(xml);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static void send(String queue, String body) throws Exception {
        HttpResponse<String> sent = sqs(queue, "Action=SendMessage&MessageBody="
                + URLEncoder.encode(body, StandardCharsets.UTF_8));
        assertEquals(200, sent.statusCode(), sent.body());
    }

    /** The bodies in {@code queue}, received with visibility 0 so they stay where they are. */
    private static List<String> peek(String queue) throws Exception {
        String xml = sqs(queue, "Action=ReceiveMessage&MaxNumberOfMessages=10&VisibilityTimeout=0").body();
        List<String> bodies = new ArrayList<>();
        Matcher m = Pattern.compile("<Body>(.*?)</Body>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            bodies.add(m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        return bodies;
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/tth", "postgres", "postgres");
    }

    private static boolean databaseAnswers() {
        try (Connection c = db()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = db(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void await(String what, CheckedCondition condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + ": not within " + timeout);
    }

    interface CheckedCondition {
        boolean holds() throws Exception;
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    private static String results() {
        return "| fault | articles in | stored / published (cumulative) | duplicate scores | time to recover | "
                + "visible while it lasted |\n|---|---|---|---|---|---|\n" + String.join("\n", table) + "\n";
    }
}
