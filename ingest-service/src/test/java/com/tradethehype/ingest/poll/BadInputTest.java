package com.tradethehype.ingest.poll;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.PollStatus;
import com.tradethehype.ingest.ScriptedServer.Reply;
import com.tradethehype.ingest.ScriptedServer;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.source.SourceCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken answers, served over loopback HTTP: each fails its own source with a clear error of its own
 * kind, and a poll of all of them together still reads the one good feed among them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class BadInputTest {

    private static final String GOOD = "<rss version=\"2.0\"><channel><item><title>Apple beats estimates</title>"
            + "<link>https://example.com/good</link></item></channel></rss>";
    private static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<rss version=\"2.0\"><channel><item><title>$AAPL &lol3;</title></item></channel></rss>";

    private static ScriptedServer host;

    @Inject
    IngestTestSupport support;
    @Inject
    SourcePoller poller;
    @Inject
    PollScheduler scheduler;
    @Inject
    SourceCatalog catalog;

    @BeforeAll
    static void startHost() {
        host = ScriptedServer.start();
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    private Source source(String name, String kind, Reply reply) {
        return support.addSource(name, host.on("/" + name, reply), kind);
    }

    private PollResult poll(String name, String kind, Reply reply) {
        return poller.poll(source(name, kind, reply));
    }

    private static void assertFailed(PollResult result, String failure, String... phrases) {
        assertEquals(PollStatus.FAILED, result.status(), String.valueOf(result));
        assertEquals(failure, result.failure(), result.error());
        assertTrue(result.error().contains(result.source()) || failure.equals("fetch"), result.error());
        for (String phrase : phrases) {
            assertTrue(result.error().contains(phrase), result.error() + " should contain " + phrase);
        }
    }

    @Test
    void rejectsMalformedAndTruncatedXmlAsAParseFailureButAnEmptyFeedIsEmpty() {
        assertFailed(poll("malformed", "rss", Reply.body("application/rss+xml", "<rss><channel><item><title>A</item>")),
                "parse", "not well-formed XML");
        PollResult empty = poll("no-items", "rss", Reply.body("application/rss+xml",
                "<rss version=\"2.0\"><channel><title>quiet</title></channel></rss>"));
        assertEquals(PollStatus.EMPTY, empty.status());
        assertEquals(0, support.published().size());
        assertEquals(0, ((Number) support.queryValue(
                "SELECT consecutive_failures FROM ingest.source_state WHERE source = 'no-items'")).intValue());
    }

    @Test
    void refusesEntityExpansionAndExternalEntities() {
        assertFailed(poll("laughs", "rss", Reply.body("application/rss+xml", BILLION_LAUGHS)), "parse", "DOCTYPE");
        assertFailed(poll("xxe-inline", "rss", Reply.body("application/xml", "<?xml version=\"1.0\"?><!DOCTYPE r "
                + "[<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>")),
                "parse", "DOCTYPE");
    }

    @Test
    void stopsReadingA50MegabyteResponseAtTheLimit() {
        long started = System.nanoTime();
        assertFailed(poll("huge-chunked", "rss", Reply.stream(50L * 1024 * 1024, false)), "fetch", "ingest.max-bytes");
        assertFailed(poll("huge-declared", "rss", Reply.stream(50L * 1024 * 1024, true)), "fetch", "ingest.max-bytes");
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(millis < 10_000, "gave up early, not after 50 MB: " + millis + " ms");
    }

    @Test
    void rejectsWrongContentTypesHtmlPagesAndJsonWhereXmlWasExpected() {
        assertFailed(poll("png", "rss", Reply.body("image/png", GOOD)), "content", "Content-Type image/png is not a feed");
        assertFailed(poll("login-page", "rss", Reply.body("text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please log in</body></html>")),
                "content", "an HTML page instead of a feed");
        assertFailed(poll("json-for-xml", "rss", Reply.body("application/json", "{\"items\":[]}")), "content",
                "JSON where an RSS or Atom feed was expected");
        assertFailed(poll("xml-for-json", "reddit", Reply.body("application/rss+xml", GOOD)), "content",
                "XML where JSON was expected");
        assertFailed(poll("binary", "rss", Reply.body(null, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2})),
                "content", "does not start like XML");
        assertFailed(poll("blank", "stocktwits", Reply.body("application/json", "   ")), "content", "empty");
    }

    @Test
    void rejectsInvalidUtf8InXmlAndJson() {
        byte[] xml = GOOD.replace("Apple", "Apple \u0000X").getBytes(StandardCharsets.UTF_8);
        xml[GOOD.indexOf("Apple") + 6] = (byte) 0xC3; // a lead byte followed by 'X': not UTF-8
        assertFailed(poll("latin-mess", "rss", Reply.body("application/rss+xml", xml)), "content", "invalid UTF-8");
        byte[] json = "{\"response\":{\"status\":200},\"messages\":[{\"body\":\"caf\u00e9\"}]}".getBytes(
                StandardCharsets.ISO_8859_1);
        assertFailed(poll("twits-latin1", "stocktwits", Reply.body("application/json", json)), "content", "invalid UTF-8");
    }

    @Test
    void rejectsBrokenJsonAndErrorAnswersOfSocialSources() {
        assertFailed(poll("broken-json", "reddit", Reply.body("application/json", "{\"kind\":\"Listing\",\"data\":")),
                "parse", "not well-formed JSON");
        assertFailed(poll("not-listing", "reddit", Reply.body("application/json", "{\"message\":\"Too Many Requests\"}")),
                "parse", "not a Reddit listing");
        assertFailed(poll("twits-error", "stocktwits", Reply.body("application/json",
                "{\"response\":{\"status\":404},\"errors\":[{\"message\":\"Symbol not found\"}]}")),
                "parse", "Stocktwits answered status 404", "Symbol not found");
    }

    @Test
    void aBodyThatNeverFinishesTimesOut() {
        assertFailed(poll("slow", "rss", Reply.body("application/rss+xml", GOOD).slowBody(Duration.ofSeconds(10))),
                "fetch", "no complete answer");
    }

    @Test
    void onePollOfEverythingHostileStillReadsTheGoodFeedAndNamesEachFailure() {
        List<Source> sources = new ArrayList<>(List.of(
                source("m-good", "rss", Reply.body("application/rss+xml", GOOD)),
                source("m-laughs", "rss", Reply.body("application/rss+xml", BILLION_LAUGHS)),
                source("m-huge", "rss", Reply.stream(50L * 1024 * 1024, false)),
                source("m-html", "rss", Reply.body("text/html", "<html><body>502 Bad Gateway</body></html>")),
                source("m-json", "rss", Reply.body("application/json", "[]")),
                source("m-500", "rss", Reply.status(500)),
                source("m-broken", "stocktwits", Reply.body("application/json", "{"))));
        Map<String, PollResult> results = scheduler.pollAll(sources).stream()
                .collect(Collectors.toMap(PollResult::source, Function.identity()));
        assertEquals(sources.size(), results.size());
        assertEquals(PollStatus.OK, results.get("m-good").status());
        assertEquals(1, results.get("m-good").published());
        Map<String, String> failures = results.values().stream().filter(r -> r.status() == PollStatus.FAILED)
                .collect(Collectors.toMap(PollResult::source, PollResult::failure));
        assertEquals(Map.of("m-laughs", "parse", "m-huge", "fetch", "m-html", "content", "m-json", "content",
                "m-500", "fetch", "m-broken", "parse"), failures);
        assertEquals(1, support.published().size());
        assertTrue(catalog.byName("m-good").enabled());
    }
}
