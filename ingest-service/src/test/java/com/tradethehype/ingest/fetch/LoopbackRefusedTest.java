package com.tradethehype.ingest.fetch;

import static com.tradethehype.ingest.AdminRequests.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.PollStatus;
import com.tradethehype.ingest.ScriptedServer;
import com.tradethehype.ingest.ScriptedServer.Reply;
import com.tradethehype.ingest.poll.SourcePoller;
import com.tradethehype.ingest.source.SourceCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production's setting, loopback not allowed, against real loopback servers: the host itself is refused whether
 * named by address, by a name resolving to it, or reached through a redirect. {@code localhost} is a trusted host
 * here only so that a first hop can reach the test server and the redirect's target be judged.
 */
@QuarkusTest
@TestProfile(LoopbackRefusedTest.Production.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class LoopbackRefusedTest {

    /** Loopback refused, as in production; localhost trusted by name. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.network.allow-loopback", "false", "ingest.network.trusted-hosts", "localhost");
        }
    }

    private static ScriptedServer host;

    @Inject
    IngestTestSupport support;
    @Inject
    SourcePoller poller;
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

    private PollResult poll(String name, String url) {
        support.addSource(name, url, "rss", "MSFT");
        return poller.poll(catalog.byName(name));
    }

    private static String viaLocalhost(String url) {
        return url.replace("http://127.0.0.1:", "http://localhost:");
    }

    @Test
    void aLoopbackFeedIsRefusedBeforeAnyRequest() {
        String url = host.on("/feed.xml", Reply.body("application/rss+xml", "<rss/>"));
        PollResult result = poll("self", url);
        assertEquals(PollStatus.FAILED, result.status());
        assertEquals("fetch", result.failure());
        assertEquals("refused: 127.0.0.1 is not a public address", result.error());
        assertEquals(0, host.requests("/feed.xml").size());
    }

    @Test
    void aRedirectToLoopbackIsRefusedAndItsTargetNeverAsked() {
        String target = host.on("/internal.xml", Reply.body("application/rss+xml", "<rss/>"));
        String url = viaLocalhost(host.on("/jump.xml", Reply.status(307).header("Location", target)));
        PollResult result = poll("jump", url);
        assertEquals(PollStatus.FAILED, result.status());
        assertEquals("refused: redirect to a non-public address", result.error());
        assertEquals(1, host.requests("/jump.xml").size());
        assertEquals(0, host.requests("/internal.xml").size());
    }

    @Test
    void aRedirectToTheMetadataServiceIsRefused() {
        String url = viaLocalhost(host.on("/meta.xml",
                Reply.status(302).header("Location", "http://169.254.169.254/latest/meta-data/")));
        PollResult result = poll("meta", url);
        assertEquals(PollStatus.FAILED, result.status());
        assertEquals("refused: redirect to a non-public address", result.error());
    }

    @Test
    void addingALoopbackSourceIsA400() {
        String url = host.on("/feed.xml", Reply.body("application/rss+xml", "<rss/>"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "self", "url", url))
                .when().post("/sources").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("source self: url must point to a public address; 127.0.0.1 does not"));
    }
}
