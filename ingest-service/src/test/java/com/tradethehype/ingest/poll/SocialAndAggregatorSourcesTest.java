package com.tradethehype.ingest.poll;

import static com.tradethehype.ingest.AdminRequests.asAdmin;
import static com.tradethehype.ingest.FeedFixturesTestResource.GOOGLE;
import static com.tradethehype.ingest.FeedFixturesTestResource.GOOGLE_WRAPPED;
import static com.tradethehype.ingest.FeedFixturesTestResource.REDDIT;
import static com.tradethehype.ingest.FeedFixturesTestResource.SEC_PRESS;
import static com.tradethehype.ingest.FeedFixturesTestResource.STOCKTWITS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.Source;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stocktwits, Reddit, Google News and SEC sources end to end, from recorded or hand-written payloads. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class SocialAndAggregatorSourcesTest {

    @Inject
    IngestTestSupport support;
    @Inject
    ItemIngester ingester;

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    private static ValidatableResponse poll(String source) {
        return asAdmin().when().post("/sources/{name}/poll", source).then().statusCode(200).body("source", equalTo(source));
    }

    private Map<String, ArticleIngested> publishedByUrlEnd() {
        return support.published().stream().collect(Collectors.toMap(e -> e.url().substring(e.url().lastIndexOf('/',
                e.url().length() - 2) + 1), Function.identity()));
    }

    @Test
    void stocktwitsMessagesKeepTheirAuthorsSentimentAndLoseTheirCrypto() {
        poll(STOCKTWITS).body("status", equalTo("OK")).body("fetched", equalTo(30)).body("invalid", equalTo(0))
                .body("withoutTickers", equalTo(0));
        Map<String, ArticleIngested> byId = publishedByUrlEnd();
        ArticleIngested beat = byId.get("161969938");
        assertEquals("$F Huge Beat", beat.title());
        assertEquals("https://stocktwits.com/mbrown2/message/161969938", beat.url());
        assertEquals("Bullish", beat.authorSentiment());
        assertEquals(Instant.parse("2019-04-26T02:28:39Z"), beat.publishedAt());
        ArticleIngested room = byId.get("161969294");
        assertEquals(List.of("F", "INTC", "NBEV", "NVDA", "RBZ", "SBUX"), room.tickers(),
                "$BTC.X is dropped; the unlisted $RBZ and $NBEV beside listed stocks stay, unverified");
        assertEquals(List.of("NBEV:UNVERIFIED_CASHTAG", "RBZ:UNVERIFIED_CASHTAG"), room.evidence().stream()
                .filter(e -> e.kind().startsWith("UNVERIFIED")).map(e -> e.symbol() + ":" + e.kind()).sorted().toList());
        assertNull(room.authorSentiment());
        ArticleIngested bearish = byId.values().stream().filter(e -> e.title().equals("$F is a sell tomorrow"))
                .findFirst().orElseThrow();
        assertEquals("Bearish", bearish.authorSentiment());
        assertTrue(byId.values().stream().anyMatch(e -> e.title().startsWith("$NBEV doesn't hit 10 bucks")),
                "HTML entities decoded");
    }

    @Test
    void redditPostsArePublishedByPermalinkAndCryptoOnlyPostsAreCounted() {
        poll(REDDIT).body("status", equalTo("OK")).body("fetched", equalTo(5)).body("published", equalTo(3))
                .body("withoutTickers", equalTo(1)).body("cryptoOnly", equalTo(1));
        Map<String, ArticleIngested> byTitle = support.published().stream()
                .collect(Collectors.toMap(ArticleIngested::title, Function.identity()));
        ArticleIngested gme = byTitle.get("GME to the moon 🚀 YOLO'd my whole IRA into GME calls");
        assertEquals(List.of("GME"), gme.tickers());
        assertEquals("https://www.reddit.com/r/wallstreetbets/comments/1abc01/gme_to_the_moon_yolod_my_whole_ira_into_gme_calls/",
                gme.url());
        assertEquals(Instant.ofEpochSecond(1_700_000_000), gme.publishedAt());
        assertEquals("DD: short interest is still over 100%. Not financial advice & I am not a cat.", gme.summary());
        assertEquals(List.of("CSCO", "NVDA"), byTitle.get("NVIDIA (NVDA) is the new Cisco and I can prove it").tickers());
        assertEquals(List.of("TSLA"), byTitle.get("$TSLA earnings play - what are you all doing?").tickers());
    }

    @Test
    void googleNewsLinksAreUnwrappedToTheArticleAndPublisherSuffixesDropped() {
        poll(GOOGLE).body("published", equalTo(1));
        poll(GOOGLE_WRAPPED).body("status", equalTo("OK")).body("fetched", equalTo(2)).body("duplicates", equalTo(1))
                .body("published", equalTo(1));
        List<ArticleIngested> events = support.published();
        assertEquals(2, events.size());
        ArticleIngested opaque = events.stream().filter(e -> e.source().equals(GOOGLE_WRAPPED)).findFirst().orElseThrow();
        assertEquals("Microsoft and OpenAI extend their partnership", opaque.title());
        assertTrue(opaque.url().startsWith("https://news.google.com/rss/articles/CBMiK0FVX3lxTE"), opaque.url());
        assertEquals("en", opaque.lang());
    }

    @Test
    void secPressReleasesAreTaggedByCompanyNameAndFilerFeedsByTheirCik() {
        poll(SEC_PRESS).body("status", equalTo("OK")).body("published", equalTo(1)).body("withoutTickers", equalTo(1));
        ArticleIngested boeing = support.published().get(0);
        assertEquals(List.of("BA"), boeing.tickers());
        assertEquals("https://www.sec.gov/newsroom/press-releases/2022-170", boeing.url());

        Source apple8k = new Source("sec-apple", URI.create(
                "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000320193&type=8-K&output=atom"),
                Source.KIND_RSS, true, List.of(), Optional.empty(), 1.0, true);
        assertEquals(List.of("AAPL"), ingester.sourceTickers(apple8k));
    }

    @Test
    void aTickerTemplateBecomesOneSourcePerSymbol() {
        given().when().get("/sources/{name}", "tpl-msft").then().statusCode(200)
                .body("tickers", equalTo(List.of("MSFT"))).body("url", org.hamcrest.Matchers.endsWith("?s=MSFT&region=US"));
        given().when().get("/sources/{name}", "tpl-brk-b").then().statusCode(200)
                .body("tickers", equalTo(List.of("BRK.B"))).body("url", org.hamcrest.Matchers.endsWith("?s=BRK-B&region=US"));
    }
}
