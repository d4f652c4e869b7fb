package com.tradethehype.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as users run it: devstack and the four packaged services, each its own process, a recorded
 * real Yahoo Finance feed served over loopback HTTP, and the article coming out of the gateway scored.
 */
class PipelineIT {

    static final Path ROOT = Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
    static final Path WORK = ROOT.resolve("e2e/target/e2e");
    static final String MODEL_DIR = System.getProperty("e2e.model",
            ROOT.resolve("models/tth-finbert-mini").toString());
    static final List<ServiceProcess> processes = new ArrayList<>();
    static final String SERVICE_TOKEN = "e2e-service-token-" + Long.toHexString(System.nanoTime()) + "-0123456789abcdef";
    static String gateway;
    static String gatewayToken;
    static String ingest;
    static String digestUrl;
    static Map<String, String> infra;

    @BeforeAll
    static void startSystem() throws Exception {
        deleteRecursively(WORK);
        Path logs = WORK.resolve("logs");
        int db = ServiceProcess.freePort();
        int sqs = ServiceProcess.freePort();
        int smtp = ServiceProcess.freePort();
        int feeds = ServiceProcess.freePort();
        ServiceProcess devstack = start("devstack", ROOT.resolve("devstack/target/devstack.jar"), Map.of(
                "TTH_HOME", WORK.resolve("home").toString(), "TTH_DB_PORT", "" + db, "TTH_SQS_PORT", "" + sqs,
                "TTH_SMTP_PORT", "" + smtp, "TTH_REPLAY_DIR", ROOT.resolve("e2e/src/test/resources/fixtures").toString(),
                "TTH_REPLAY_PORT", "" + feeds), List.of(), logs);
        devstack.awaitLogLine("devstack ready", Duration.ofSeconds(120));

        String feed = "http://127.0.0.1:" + feeds + "/yahoo_finance_headline_msft_rss_2020-08-01.xml";
        Path sources = WORK.resolve("ingest-sources.properties");
        Files.writeString(sources, String.join("\n",
                "ingest.sources.yahoo-msft.url=" + feed,
                "ingest.sources.yahoo-msft.tickers=MSFT",
                "ingest.sources.yahoo-msft-mirror.url=" + feed,
                "ingest.sources.yahoo-msft-mirror.tickers=MSFT",
                "# the replay server is on loopback, which ingest's SSRF guard refuses unless told",
                "ingest.network.allow-loopback=true",
                "# polls happen when the test asks, so it sees every publish",
                "quarkus.scheduler.enabled=false", ""));

        Map<String, String> infra = new HashMap<>(Map.of("TTH_DB_HOST", "localhost", "TTH_DB_PORT", "" + db,
                "TTH_SQS_ENDPOINT", "http://localhost:" + sqs, "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local", "AWS_REGION", "us-east-1",
                "TTH_SMTP_HOST", "localhost", "TTH_SMTP_PORT", "" + smtp));
        infra.put("TTH_UNSUBSCRIBE_SECRET", "e2e-unsubscribe-secret-" + System.nanoTime());
        infra.put("TTH_ADMIN_EMAIL", "ops@e2e.test");
        // the admin credential of ingest's polls and digest's subscriber changes; the gateway sends it to digest
        infra.put("TTH_SERVICE_TOKEN", SERVICE_TOKEN);
        // devstack's login, explicit: the packaged services run in the prod profile, which has no default password
        infra.put("TTH_DB_PASSWORD", "postgres");
        PipelineIT.infra = infra;
        int digestPort = ServiceProcess.freePort();
        int sentimentPort = ServiceProcess.freePort();
        int ingestPort = ServiceProcess.freePort();
        int gatewayPort = ServiceProcess.freePort();

        var digest = service("digest-service", digestPort, infra, List.of(), logs);
        var sentimentEnv = new HashMap<>(infra);
        sentimentEnv.put("TTH_MODEL_LOCATION", MODEL_DIR);
        sentimentEnv.put("MALLOC_ARENA_MAX", "1");
        sentimentEnv.put("MALLOC_MMAP_THRESHOLD_", "33554432"); // as Dockerfile.jvm
        sentimentEnv.put("MALLOC_TRIM_THRESHOLD_", "50331648");
        sentimentEnv.put("DJL_CACHE_DIR", System.getProperty("e2e.djl.cache", ROOT.resolve(".cache/djl").toString()));
        var sentiment = service("sentiment-service", sentimentPort, sentimentEnv, List.of("-Xmx512m"), logs);
        var ingestService = service("ingest-service", ingestPort, infra,
                List.of("-Dquarkus.config.locations=" + sources.toUri()), logs);
        var gatewayEnv = new HashMap<>(infra);
        gatewayEnv.put("TTH_DIGEST_URL", "http://localhost:" + digestPort);
        gatewayEnv.put("TTH_INGEST_URL", "http://localhost:" + ingestPort);
        gatewayEnv.put("TTH_SENTIMENT_URL", "http://localhost:" + sentimentPort);
        gatewayEnv.put("TTH_JWT_KEY_FILE", writeJwtKey().toString());
        var gatewayService = service("api-gateway", gatewayPort, gatewayEnv, List.of(), logs);

        digest.awaitHttpOk("http://localhost:" + digestPort + "/q/health/ready", Duration.ofSeconds(120));
        sentiment.awaitHttpOk("http://localhost:" + sentimentPort + "/q/health/ready", Duration.ofSeconds(180));
        ingestService.awaitHttpOk("http://localhost:" + ingestPort + "/q/health/ready", Duration.ofSeconds(120));
        gatewayService.awaitHttpOk("http://localhost:" + gatewayPort + "/q/health/ready", Duration.ofSeconds(120));
        gateway = "http://localhost:" + gatewayPort;
        gatewayToken = given().contentType("application/json")
                .body("{\"email\":\"trader@e2e.test\",\"password\":\"e2e password 2020\"}")
                .when().post(gateway + "/api/auth/register").then().statusCode(201).extract().path("token");
        ingest = "http://localhost:" + ingestPort;
        digestUrl = "http://localhost:" + digestPort;
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    @Test
    void aRecordedFeedComesOutOfTheGatewayScoredAndASecondPollPublishesNothing() {
        JsonPath first = asService().when().post(ingest + "/sources/poll").then().statusCode(200).extract().jsonPath();
        assertEquals(2, sumPublished(first), "first poll publishes the feed's two items once: " + first.prettify());

        // the per-ticker feed's TikTok story is about Microsoft; "Is NVIDIA a Buy?" names only NVIDIA, and the feed's
        // ticker alone does not outvote the text
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().queryParam("limit", 10).auth().oauth2(gatewayToken).when().get(gateway + "/api/articles")
                        .then().statusCode(200)
                        .body("$", hasSize(2))
                        .body("source", everyItem(org.hamcrest.Matchers.startsWith("yahoo-msft")))
                        .body("scores", everyItem(hasSize(1)))
                        .body("scores.modelId.flatten()", everyItem(org.hamcrest.Matchers.equalTo(expectedModelId())))
                        .body("scores.label.flatten()", everyItem(org.hamcrest.Matchers.oneOf("positive", "negative", "neutral"))));
        given().queryParam("ticker", "msft").auth().oauth2(gatewayToken).when().get(gateway + "/api/articles")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].title", org.hamcrest.Matchers.equalTo("White House Poised to Announce Move on TikTok’s U.S. Operations"))
                .body("[0].tickers", hasItem("MSFT"));
        given().queryParam("ticker", "NVDA").auth().oauth2(gatewayToken).when().get(gateway + "/api/articles")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].title", org.hamcrest.Matchers.equalTo("Is NVIDIA a Buy?"))
                .body("[0].tickers", org.hamcrest.Matchers.not(hasItem("MSFT")));

        JsonPath articles = given().queryParam("limit", 10).auth().oauth2(gatewayToken).when().get(gateway + "/api/articles")
                .then().extract().jsonPath();
        for (int i = 0; i < 2; i++) {
            double positive = articles.getDouble("[" + i + "].scores[0].positive");
            double negative = articles.getDouble("[" + i + "].scores[0].negative");
            double neutral = articles.getDouble("[" + i + "].scores[0].neutral");
            assertEquals(1.0, positive + negative + neutral, 1e-4);
            assertEquals(positive - negative, articles.getDouble("[" + i + "].scores[0].score"), 1e-6);
            assertTrue(articles.getString("[" + i + "].url").startsWith("https://finance.yahoo.com/"));
        }

        JsonPath second = asService().when().post(ingest + "/sources/poll").then().statusCode(200).extract().jsonPath();
        assertEquals(0, sumPublished(second), "second poll publishes nothing new: " + second.prettify());
        given().queryParam("limit", 10).auth().oauth2(gatewayToken).when().get(gateway + "/api/articles")
                .then().statusCode(200).body("$", hasSize(2));

        theDigestOfTheFeedsDayIsMailedNamingTheModel();
    }

    /** The one-shot command of the scale-to-zero deployment mails the day the recorded feed was published. */
    private void theDigestOfTheFeedsDayIsMailedNamingTheModel() {
        asService().contentType("application/json").body("{\"email\":\"reader@e2e.test\",\"watchlist\":[\"MSFT\"]}")
                .when().post(digestUrl + "/subscribers").then().statusCode(201);
        try {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-jar", ROOT.resolve("digest-service/target/quarkus-app/quarkus-run.jar").toString(),
                    "send-digest", "--date", "2020-08-02");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(WORK.resolve("logs/send-digest.log").toFile());
            builder.environment().putAll(infra);
            Process process = builder.start();
            assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "send-digest finished");
            assertEquals(0, process.exitValue(), "send-digest exit code; see " + WORK.resolve("logs/send-digest.log"));
            Path outbox = WORK.resolve("home/outbox");
            await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("reader@e2e.test", outbox) != null);
            String mail = mailTo("reader@e2e.test", outbox);
            assertTrue(mail.contains("Subject: TradeTheHype 2020-08-02: a quiet day (2 articles, no signal)"), mail);
            assertTrue(mail.contains("Scored by " + expectedModelId() + " v"), "the mail names the model: " + mail);
            assertTrue(mail.contains("MSFT: 1 article from 1 source"), "the watchlist line: " + mail);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The first .eml in {@code outbox} addressed to {@code to}, soft line breaks of quoted-printable undone. */
    /** A request with the service token, the admin credential of ingest's and digest's state-changing endpoints. */
    private static io.restassured.specification.RequestSpecification asService() {
        return given().header("Authorization", "Bearer " + SERVICE_TOKEN);
    }

    private static String mailTo(String to, Path outbox) throws java.io.IOException {
        if (!Files.isDirectory(outbox)) {
            return null;
        }
        try (var files = Files.list(outbox)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                String text = Files.readString(file).replace("=\r\n", "").replace("=\n", "");
                if (text.contains("To: " + to)) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The gateway's HS256 key for this run, as the oct JWK it reads (./tth run keeps its own in .tth/). */
    private static Path writeJwtKey() throws java.io.IOException {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        Path key = WORK.resolve("jwt-key.jwk");
        Files.writeString(key, "{\"kty\":\"oct\",\"k\":\""
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\"}");
        return key;
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }

    private static int sumPublished(JsonPath poll) {
        List<Integer> published = poll.getList("published", Integer.class);
        return published.stream().mapToInt(Integer::intValue).sum();
    }

    private static String expectedModelId() {
        try {
            String config = Files.readString(Path.of(MODEL_DIR, "config.json"));
            var matcher = java.util.regex.Pattern.compile("\"tth_model_id\"\\s*:\\s*\"([^\"]+)\"").matcher(config);
            assertTrue(matcher.find(), "model config names its id");
            return matcher.group(1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ServiceProcess service(String module, int port, Map<String, String> env, List<String> jvmArgs,
                                          Path logs) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return start(module, ROOT.resolve(module + "/target/quarkus-app/quarkus-run.jar"), all, jvmArgs, logs);
    }

    private static ServiceProcess start(String name, Path jar, Map<String, String> env, List<String> jvmArgs,
                                        Path logs) throws Exception {
        assertTrue(Files.isRegularFile(jar), jar + " is built");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(jvmArgs.stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElse("-Xmx384m"));
        jvmArgs.stream().filter(a -> !a.startsWith("-Xmx")).forEach(command::add);
        command.add("-jar");
        command.add(jar.toString());
        ServiceProcess process = ServiceProcess.start(name, command, env, logs);
        processes.add(process);
        return process;
    }
}
