package com.tradethehype.ingest.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.contracts.Queues;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.audit.AuditReport.Outcome;
import com.tradethehype.ingest.client.DigestClient;
import com.tradethehype.ingest.config.AuditConfig;
import com.tradethehype.ingest.messaging.ArticlePublisher;
import com.tradethehype.ingest.repository.PublishedArticles;
import com.tradethehype.ingest.repository.UnconfirmedArticles;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.messaging.SqsSender;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publish audit against real PostgreSQL and ElasticMQ, with a loopback HTTP server standing in for digest:
 * confirmed articles, re-published ones (the same event, bounded and spaced), reported ones, and a digest or queue
 * that cannot be used.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class PublishAuditTest {

    @Inject
    IngestTestSupport support;
    @Inject
    PublishedArticles published;
    @Inject
    ArticlePublisher publisher;
    @Inject
    PublishAudit audit;
    @Inject
    AuditConfig config;
    @Inject
    SqsQueues queues;
    @Inject
    ObjectMapper json;
    @Inject
    UnconfirmedArticles rows;

    private DigestStandIn digest;
    private DigestClient client;

    @BeforeEach
    void freshStart() {
        support.reset();
        digest = DigestStandIn.start();
        client = new DigestClient(digest.url(), Duration.ofSeconds(5), json);
    }

    @AfterEach
    void stopDigest() {
        digest.close();
    }

    @Test
    void confirmsWhatDigestStoredAndDropsTheKeptEvent() {
        ArticleIngested a = publish("a");
        ArticleIngested b = publish("b");
        digest.store(a.articleId(), b.articleId());

        AuditReport report = audit.run(pastGrace(), client);

        assertEquals(Outcome.OK, report.outcome());
        assertEquals(2, report.checked());
        assertEquals(2, report.confirmed());
        assertEquals(0, report.republished());
        assertNotNull(support.queryValue("SELECT confirmed_at FROM ingest.published_article WHERE article_id = '"
                + a.articleId() + "'"));
        assertNull(support.queryValue("SELECT event FROM ingest.published_article WHERE article_id = '"
                + a.articleId() + "'"));
        assertEquals(List.of(), support.published());
        assertEquals(0, audit.run(pastGrace(), client).checked(), "a confirmed article is not asked about again");
        assertEquals(1, digest.asked().size());
    }

    @Test
    void leavesArticlesYoungerThanTheGraceAlone() {
        publish("young");
        AuditReport report = audit.run(Instant.now().plus(config.grace()).minusSeconds(60), client);
        assertEquals(0, report.checked());
        assertTrue(digest.asked().isEmpty());
        assertEquals(List.of(), support.published());
    }

    @Test
    void republishesTheSameEventBoundedAndSpacedThenReportsItByIdUntilDigestStoresIt() throws Exception {
        ArticleIngested lost = publish("lost");
        ArticleIngested kept = publish("kept");
        digest.store(kept.articleId());
        String sentBody = (String) support.queryValue("SELECT event FROM ingest.published_article WHERE article_id = '"
                + lost.articleId() + "'");
        assertEquals(publisher.body(lost), sentBody);

        Instant at = pastGrace();
        for (int i = 1; i <= config.maxRepublishes(); i++) {
            AuditReport report = audit.run(at, client);
            assertEquals(1, report.republished(), "re-publication " + i);
            assertEquals(List.of(lost), support.published(), "the very event first published, once");
            AuditReport tooSoon = audit.run(at.plus(config.republishSpacing()).minusSeconds(60), client);
            assertEquals(0, tooSoon.republished(), "spaced by republish-spacing");
            assertEquals(List.of(), support.published());
            at = at.plus(config.republishSpacing()).plusSeconds(60);
        }
        AuditReport given = audit.run(at, client);
        assertEquals(0, given.republished());
        assertEquals(List.of(lost.articleId()), given.reported());
        assertEquals(1, given.missing());
        assertEquals(List.of(), support.published());
        assertEquals(0, audit.run(at.plus(Duration.ofDays(1)), client).republished(), "reported articles rest");

        given().when().get("/audit").then().statusCode(200)
                .body("missingTotal", equalTo(1))
                .body("missing[0].articleId", equalTo(lost.articleId()))
                .body("missing[0].url", equalTo(lost.url()))
                .body("missing[0].republished", equalTo(config.maxRepublishes()))
                .body("lastRun.outcome", equalTo("OK"));
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'publish-audit' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'publish-audit' }.data.missing", equalTo(1))
                .body("checks.find { it.name == 'publish-audit' }.data.missingAlert", containsString("GET /audit"));
        assertEquals(1.0, metric("ingest_audit_missing"), 1e-9);

        digest.store(lost.articleId()); // e.g. after a dead-letter redrive
        AuditReport healed = audit.run(at.plus(Duration.ofDays(2)), client);
        assertEquals(1, healed.confirmed());
        assertEquals(0, healed.missing());
        given().when().get("/audit").then().statusCode(200).body("missingTotal", equalTo(0));
        assertEquals(0.0, metric("ingest_audit_missing"), 1e-9);
    }

    @Test
    void aDigestAnsweringWithAnErrorChangesNothingAndIsReported() {
        ArticleIngested a = publish("a");
        digest.failWith(503);

        AuditReport report = audit.run(pastGrace(), client);

        assertEquals(Outcome.DIGEST_UNREACHABLE, report.outcome());
        assertTrue(report.detail().contains("503") && report.detail().contains("database unreachable"), report.detail());
        assertEquals(0, report.republished());
        assertEquals(List.of(), support.published());
        assertNull(support.queryValue("SELECT confirmed_at FROM ingest.published_article WHERE article_id = '"
                + a.articleId() + "'"));
        assertEquals(0, ((Number) support.queryValue("SELECT republished FROM ingest.published_article WHERE article_id = '"
                + a.articleId() + "'")).intValue());
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'publish-audit' }.data.outcome", equalTo("DIGEST_UNREACHABLE"));
        assertTrue(metric("ingest_audit_runs_total{outcome=\"digest_unreachable\"") >= 1);
    }

    @Test
    void aDigestThatDoesNotAnswerChangesNothing() throws Exception {
        publish("a");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nobody = new DigestClient(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2), json);

        AuditReport report = audit.run(pastGrace(), nobody);

        assertEquals(Outcome.DIGEST_UNREACHABLE, report.outcome());
        assertTrue(report.detail().contains("digest unreachable"), report.detail());
        assertEquals(List.of(), support.published());
        assertEquals(0L, support.queryValue("SELECT count(*) FROM ingest.published_article WHERE confirmed_at IS NOT NULL "
                + "OR republished > 0 OR reported_at IS NOT NULL"));
    }

    @Test
    void aDeepQueueHoldsRepublishingBackWithoutCountingIt() throws Exception {
        ArticleIngested lost = publish("lost");
        SqsSender filler = new SqsSender(queues, Queues.ARTICLES_INGESTED);
        List<String> bodies = new ArrayList<>();
        for (long i = 0; i <= config.backlogLimit(); i++) {
            bodies.add("{\"filler\":" + i + "}");
        }
        filler.sendAll(bodies);
        try {
            AuditReport report = audit.run(pastGrace(), client);
            assertEquals(0, report.republished());
            assertEquals(1, report.deferred());
            assertTrue(report.detail().contains("slow, not lossy"), report.detail());
            assertEquals(0, ((Number) support.queryValue("SELECT republished FROM ingest.published_article "
                    + "WHERE article_id = '" + lost.articleId() + "'")).intValue());
        } finally {
            String url = queues.url(Queues.ARTICLES_INGESTED);
            queues.client().purgeQueue(b -> b.queueUrl(url)).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondReplicaSkipsWhileOneIsAuditing() throws Exception {
        ArticleIngested a = publish("a");
        try (AutoCloseable otherReplica = rows.tryLock().orElseThrow()) {
            AuditReport report = audit.run(pastGrace(), client);
            assertEquals(Outcome.SKIPPED, report.outcome());
            assertTrue(digest.asked().isEmpty());
        }
        digest.store(a.articleId());
        assertEquals(1, audit.run(pastGrace(), client).confirmed(), "the lock is free again");
    }

    @Test
    void anArticlePublishedBeforeEventsWereKeptIsReportedAtOnceNotResent() {
        ArticleIngested old = publish("old");
        support.execute("UPDATE ingest.published_article SET event = NULL WHERE article_id = '" + old.articleId() + "'");

        AuditReport report = audit.run(pastGrace(), client);

        assertEquals(List.of(old.articleId()), report.reported());
        assertEquals(0, report.republished());
        assertEquals(List.of(), support.published());
    }

    private ArticleIngested publish(String name) {
        var article = new ArticleIngested(sha256(name + UUID.randomUUID()), FeedFixturesTestResource.YAHOO,
                "https://finance.yahoo.com/news/" + name + "-" + UUID.randomUUID() + ".html",
                "Audit headline " + name + " " + UUID.randomUUID(), "Summary of " + name,
                Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T10:01:00Z"), List.of("MSFT"), "en");
        published.publishBatch(List.of(article), 1.0, publisher::publishAll);
        assertEquals(List.of(article), support.published());
        return article;
    }

    private Instant pastGrace() {
        return Instant.now().plus(config.grace()).plusSeconds(60);
    }

    private static double metric(String prefix) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no metric " + prefix));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
