package com.tradethehype.ingest.fetch;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.PollStatus;
import com.tradethehype.ingest.ScriptedServer.Reply;
import com.tradethehype.ingest.ScriptedServer;
import com.tradethehype.ingest.poll.SourcePoller;
import com.tradethehype.ingest.source.SourceCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Polite and robust fetching against a scripted loopback host: retries, backoff, identification, validators. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class FetchRetryTest {

    private static ScriptedServer host;
    private static byte[] yahoo;

    @Inject
    IngestTestSupport support;
    @Inject
    SourcePoller poller;
    @Inject
    SourceCatalog catalog;

    @BeforeAll
    static void startHost() throws IOException {
        host = ScriptedServer.start();
        try (InputStream in = FetchRetryTest.class.getResourceAsStream(
                "/fixtures/yahoo_finance_headline_msft_rss_2020-08-01.xml")) {
            yahoo = in.readAllBytes();
        }
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    private PollResult poll(String name, String url) {
        support.addSource(name, url, "rss", "MSFT");
        return poller.poll(catalog.byName(name));
    }

    @Test
    void retries503UntilTheFeedAnswersAndIdentifiesItself() {
        String url = host.on("/flaky.xml", Reply.status(503), Reply.status(502),
                Reply.body("application/rss+xml", yahoo).header("ETag", "\"v1\""));
        PollResult result = poll("flaky", url);
        assertEquals(PollStatus.OK, result.status(), String.valueOf(result.error()));
        assertEquals(2, result.published());
        assertEquals(3, host.requests("/flaky.xml").size());
        String agent = host.requests("/flaky.xml").get(0).get("user-agent");
        assertTrue(agent.startsWith("TradeTheHype/") && agent.contains("@"), agent);
    }

    @Test
    void honoursRetryAfterOf429AndSendsValidatorsOnTheNextPoll() {
        String url = host.on("/limited.xml", Reply.status(429).header("Retry-After", "0"),
                Reply.body("application/rss+xml", yahoo).header("ETag", "\"v1\"").header("Last-Modified",
                        "Sat, 01 Aug 2020 21:00:00 GMT"));
        assertEquals(PollStatus.OK, poll("limited", url).status());
        assertEquals(2, host.requests("/limited.xml").size());
        assertNull(host.requests("/limited.xml").get(1).get("if-none-match"));

        host.on("/limited.xml", Reply.status(304));
        assertEquals(PollStatus.UNCHANGED, poller.poll(catalog.byName("limited")).status());
        var conditional = host.requests("/limited.xml").get(0);
        assertEquals("\"v1\"", conditional.get("if-none-match"));
        assertEquals("Sat, 01 Aug 2020 21:00:00 GMT", conditional.get("if-modified-since"));
    }

    @Test
    void givesUpAfterTheLastAttemptWithAFetchFailureNamingTheStatus() {
        String url = host.on("/down.xml", Reply.status(500));
        PollResult result = poll("down", url);
        assertEquals(PollStatus.FAILED, result.status());
        assertEquals("fetch", result.failure());
        assertTrue(result.error().contains("HTTP 500") && result.error().contains("after 3 attempts"), result.error());
        assertEquals(3, host.requests("/down.xml").size());
    }

    @Test
    void doesNotRetryAClientError() {
        String url = host.on("/gone.xml", Reply.status(410));
        PollResult result = poll("gone", url);
        assertEquals(PollStatus.FAILED, result.status());
        assertTrue(result.error().startsWith("HTTP 410"), result.error());
        assertEquals(1, host.requests("/gone.xml").size());
    }
}
