package com.tradethehype.ingest.fetch;

import static com.tradethehype.ingest.AdminRequests.asAdmin;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects are followed by ingest itself, each target checked after DNS: with loopback allowed (as in tests and
 * replay) a redirect to the metadata service or the private network is still refused, and POST /sources refuses such
 * URLs with a 400 naming the field.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class RedirectGuardTest {

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
        try (InputStream in = RedirectGuardTest.class.getResourceAsStream(
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

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://10.0.0.1/feed.xml", "http://[fd00:ec2::254]/latest/meta-data/", "http://0.0.0.0:8081/sources",
            "http://[::ffff:169.254.169.254]/"})
    void aRedirectToANonPublicAddressFailsTheSourceWithACleanReason(String target) {
        String url = host.on("/moved.xml", Reply.status(302).header("Location", target));
        PollResult result = poll("moved", url);
        assertEquals(PollStatus.FAILED, result.status());
        assertEquals("fetch", result.failure());
        assertEquals("refused: redirect to a non-public address", result.error());
        assertEquals(1, host.requests("/moved.xml").size(), "a refusal is not retried");
    }

    @Test
    void aRedirectToAPublicOrAllowedAddressIsFollowedWithTheSameHeaders() {
        String feed = host.on("/feed.xml", Reply.body("application/rss+xml", yahoo));
        String url = host.on("/old.xml", Reply.status(301).header("Location", "/feed.xml"));
        PollResult result = poll("relocated", url);
        assertEquals(PollStatus.OK, result.status(), String.valueOf(result.error()));
        assertEquals(2, result.published());
        assertEquals(1, host.requests("/feed.xml").size(), feed);
        assertFalse(host.requests("/feed.xml").get(0).getOrDefault("user-agent", "").isEmpty());
    }

    @Test
    void redirectLoopsAndOtherSchemesAreRefused() {
        String loop = host.on("/loop.xml", Reply.status(302).header("Location", "/loop.xml"));
        PollResult looping = poll("looping", loop);
        assertEquals(PollStatus.FAILED, looping.status());
        assertEquals("more than 5 redirects from " + loop, looping.error());
        assertEquals(6, host.requests("/loop.xml").size());

        String file = host.on("/file.xml", Reply.status(302).header("Location", "file:///etc/passwd"));
        PollResult toFile = poll("to-file", file);
        assertEquals("refused: redirect to a URL that is not http(s)", toFile.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/feed.xml",
            "http://192.168.0.10:8080/rss", "http://[fd12:3456::1]/feed", "http://[fe80::1]/feed",
            "http://0.0.0.0:8083/subscribers", "http://224.0.0.1/feed"})
    void addingASourceAtANonPublicAddressIsA400NamingTheUrl(String url) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "inside", "url", url))
                .when().post("/sources").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tradethehype:problem:invalid-source"))
                .body("detail", allOf(containsString("url must point to a public address"),
                        not(containsString("Exception")), not(containsString(" is link-local"))));
        asAdmin().when().get("/sources/{name}", "inside").then().statusCode(404);
    }
}
