package com.tradethehype.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.gateway.support.Accounts;
import com.tradethehype.gateway.support.GatewayTestResource;
import com.tradethehype.gateway.support.InjectStubs;
import com.tradethehype.gateway.support.StubServer.Reply;
import com.tradethehype.gateway.support.StubServices;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard views forwarded to digest-service: what goes down, what comes back, and every way it can fail. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class DashboardResourceTest {

    @InjectStubs
    StubServices stubs;

    @Inject
    CacheManager caches;

    String token;

    @BeforeEach
    void signIn() {
        token = Accounts.user();
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
        stubs.reset();
    }

    @AfterEach
    void resetStubs() {
        stubs.reset();
    }

    @Test
    void forwardsSignalsQueriesAndPassesTheBodyThrough() {
        given().auth().oauth2(token).queryParam("date", "2026-11-30").queryParam("kind", "bullish")
                .queryParam("limit", "20").when().get("/api/signals")
                .then().statusCode(200).contentType("application/json")
                .body("date", equalTo("2026-11-30"))
                .body("signals", hasSize(3))
                .body("signals[0].baseline.zScore", equalTo(10.8f))
                .body("signals[0].headlines[0].title", equalTo("<script>window.pwned=1</script>Nvidia soars"))
                .body("signals[1].authorBullishShare", equalTo(null))
                .body("addedByDigestLater.anything", equalTo(true));
        var sent = stubs.digest.requests("GET", "/signals");
        assertEquals(1, sent.size());
        assertEquals("date=2026-11-30&kind=BULLISH&limit=20", sent.get(0).query());
    }

    @Test
    void withoutParametersAsksForTheLatestDayAndAllKinds() {
        given().auth().oauth2(token).when().get("/api/signals").then().statusCode(200);
        assertEquals("limit=50", stubs.digest.requests("GET", "/signals").get(0).query());
    }

    @Test
    void servesRepeatedSignalsFromTheCache() {
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).queryParam("kind", "HYPE_SPIKE").when().get("/api/signals").then().statusCode(200);
        }
        assertEquals(1, stubs.digest.requests("GET", "/signals").size());
    }

    @Test
    void rejectsInvalidQueriesNamingTheParameter() {
        given().auth().oauth2(token).queryParam("kind", "MOON").when().get("/api/signals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("kind must be one of HYPE_SPIKE, BULLISH, BEARISH, was 'MOON'"));
        given().auth().oauth2(token).queryParam("date", "30/11/2026").when().get("/api/signals")
                .then().statusCode(400).body("detail", equalTo("date must be YYYY-MM-DD, was '30/11/2026'"));
        given().auth().oauth2(token).queryParam("limit", "1000").when().get("/api/signals")
                .then().statusCode(400).body("detail", equalTo("limit must be a whole number from 1 to 200, was '1000'"));
        given().auth().oauth2(token).when().get("/api/tickers/DROP TABLE")
                .then().statusCode(400).body("detail", equalTo("symbol must be a stock symbol such as MSFT or BRK.B"));
        given().auth().oauth2(token).queryParam("days", "0").when().get("/api/tickers/NVDA")
                .then().statusCode(400).body("detail", equalTo("days must be a whole number from 1 to 365, was '0'"));
        given().auth().oauth2(token).when().get("/api/digests/yesterday")
                .then().statusCode(400).body("detail", equalTo("date must be YYYY-MM-DD, was 'yesterday'"));
        assertTrue(stubs.digest.requests().isEmpty(), "nothing invalid reached digest-service");
    }

    @Test
    void forwardsATickerUpperCased() {
        given().auth().oauth2(token).queryParam("days", "7").when().get("/api/tickers/nvda")
                .then().statusCode(200)
                .body("ticker", equalTo("NVDA"))
                .body("days", hasSize(7))
                .body("headlines[0].model.id", equalTo("tth-finbert-mini"));
        assertEquals("days=7", stubs.digest.requests("GET", "/tickers/NVDA").get(0).query());
    }

    @Test
    void aDownstream404StaysA404WithItsDetail() {
        given().auth().oauth2(token).when().get("/api/tickers/NOPE")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no ticker NOPE"));
        given().auth().oauth2(token).when().get("/api/digests/2020-01-01")
                .then().statusCode(404).body("detail", equalTo("no digest for 2020-01-01"));
        assertEquals(1, stubs.digest.requests("GET", "/tickers/NOPE").size(), "a 404 is not retried");
    }

    @Test
    void servesTheLatestDigestAndOneDay() {
        given().auth().oauth2(token).when().get("/api/digests/latest")
                .then().statusCode(200).body("status", equalTo("SENT")).body("model.version", equalTo("1"));
        given().auth().oauth2(token).when().get("/api/digests/2026-11-29")
                .then().statusCode(200).body("date", equalTo("2026-11-29"));
        stubs.digest.on("GET /digests/latest", Reply.problem(404, "no digest yet"));
        caches.getCache("digests").orElseThrow().invalidateAll().await().indefinitely();
        given().auth().oauth2(token).when().get("/api/digests/latest").then().statusCode(404)
                .body("detail", equalTo("no digest yet"));
    }

    @Test
    void anUnreachableDigestIsA503NamingItAfterRetries() {
        stubs.digest.down(true);
        given().auth().oauth2(token).when().get("/api/signals")
                .then().statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("Service Unavailable"))
                .body("detail", equalTo("digest-service is unavailable; try again shortly"))
                .body(not(containsString("Exception")));
        assertEquals(3, stubs.digest.requests("GET", "/signals").size(), "one call and two retries");
    }

    @Test
    void aDigestThatAnswers503IsAn503AndA500IsA502() {
        stubs.digest.on("GET /signals", Reply.problem(503, "database down"));
        given().auth().oauth2(token).when().get("/api/signals").then().statusCode(503)
                .body("detail", equalTo("digest-service is unavailable; try again shortly"));
        stubs.digest.on("GET /signals", Reply.problem(500, "bug"));
        given().auth().oauth2(token).queryParam("limit", "3").when().get("/api/signals").then().statusCode(502)
                .body("detail", equalTo("digest-service answered 500"));
    }

    @Test
    void aSlowDigestTimesOutInto503() {
        stubs.digest.on("GET /tickers/SLOW", Reply.json(200, "{}").after(Duration.ofSeconds(4)));
        long start = System.nanoTime();
        given().auth().oauth2(token).when().get("/api/tickers/SLOW").then().statusCode(503)
                .body("detail", equalTo("digest-service is unavailable; try again shortly"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 7_000, "three 1.5 s attempts and two short pauses, not the stub's 3 x 4 s; took " + ms + " ms");
    }

    @Test
    void forwardsExtractAndScoreBodies() throws Exception {
        given().auth().oauth2(token).contentType("application/json").body("{\"text\":\"Apple beats estimates\"}")
                .when().post("/api/extract").then().statusCode(200)
                .body("tickers[0].symbol", equalTo("AAPL")).body("tickers[0].evidence[0].kind", equalTo("NAME"));
        assertEquals("{\"text\":\"Apple beats estimates\"}", stubs.ingest.requests("POST", "/extract").get(0).body());

        given().auth().oauth2(token).contentType("application/json").body("{\"texts\":[\"a\",\"b\"]}")
                .when().post("/api/score").then().statusCode(200)
                .body("results", hasSize(2)).body("model.id", equalTo("tth-finbert-mini"));
        assertEquals("{\"texts\":[\"a\",\"b\"]}", stubs.sentiment.requests("POST", "/score").get(0).body());
    }

    @Test
    void boundsTheTextTools() {
        given().auth().oauth2(token).contentType("application/json").body("{\"text\":\"" + "a".repeat(10_001) + "\"}")
                .when().post("/api/extract").then().statusCode(400)
                .body("detail", equalTo("text must be at most 10,000 characters"));
        given().auth().oauth2(token).contentType("application/json").body("{\"text\":\" \"}")
                .when().post("/api/extract").then().statusCode(400).body("detail", equalTo("text must not be blank"));
        given().auth().oauth2(token).contentType("application/json").body("{\"texts\":[]}")
                .when().post("/api/score").then().statusCode(400)
                .body("detail", equalTo("texts must list at least one text"));
        String seventeen = "{\"texts\":[" + "\"x\",".repeat(16) + "\"x\"]}";
        given().auth().oauth2(token).contentType("application/json").body(seventeen)
                .when().post("/api/score").then().statusCode(400)
                .body("detail", equalTo("texts must list at most 16 texts"));
        assertTrue(stubs.ingest.requests().isEmpty() && stubs.sentiment.requests().isEmpty());
    }

    @Test
    void rateLimitsTheTextToolsPerAccount() {
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(token).contentType("application/json").body("{\"texts\":[\"x\"]}")
                    .when().post("/api/score").then().statusCode(200);
        }
        given().auth().oauth2(token).contentType("application/json").body("{\"text\":\"x\"}")
                .when().post("/api/extract").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", equalTo("too many text-tool calls; try again shortly"));
        given().auth().oauth2(Accounts.user()).contentType("application/json").body("{\"text\":\"x\"}")
                .when().post("/api/extract").then().statusCode(200);
    }

    @Test
    void anUnreachableSentimentIsA503NamingIt() {
        stubs.sentiment.down(true);
        given().auth().oauth2(token).contentType("application/json").body("{\"texts\":[\"x\"]}")
                .when().post("/api/score").then().statusCode(503)
                .body("detail", equalTo("sentiment-service is unavailable; try again shortly"));
    }

    @Test
    void statusShowsAFailingSourceAndTheModel() {
        given().auth().oauth2(token).when().get("/api/status").then().statusCode(200)
                .body("services.find { it.service == 'ingest-service' }.status", equalTo("DOWN"))
                .body("services.find { it.service == 'sentiment-service' }.status", equalTo("UP"))
                .body("services.find { it.service == 'digest-service' }.status", equalTo("UP"))
                .body("model.state", equalTo("READY"))
                .body("model.model", equalTo("tth-finbert-mini@1"))
                .body("sources.items.find { it.name == 'sec-8k' }.health", equalTo("DOWN"))
                .body("sources.items.find { it.name == 'sec-8k' }.consecutiveFailures", equalTo(4))
                .body("sources.items.find { it.name == 'sec-8k' }.url", equalTo(null))
                .body("sources.items.find { it.name == 'sec-8k' }.lastError", equalTo(null))
                .body("lastDigest.status", equalTo("SENT"))
                .body("lastDigest.model.id", equalTo("tth-finbert-mini"));
    }

    @Test
    void statusShowsAnUnreachableServiceInsteadOfFailing() {
        stubs.sentiment.down(true);
        stubs.ingest.down(true);
        given().auth().oauth2(token).when().get("/api/status").then().statusCode(200)
                .body("services.find { it.service == 'sentiment-service' }.status", equalTo("UNREACHABLE"))
                .body("model.status", equalTo("UNKNOWN"))
                .body("sources.available", equalTo(false))
                .body("sources.error", equalTo("ingest-service is unavailable"));
    }
}
