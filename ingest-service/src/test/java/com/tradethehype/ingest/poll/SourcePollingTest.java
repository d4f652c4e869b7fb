package com.tradethehype.ingest.poll;

import static com.tradethehype.ingest.AdminRequests.asAdmin;
import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.normalise.ArticleNormaliser;
import com.tradethehype.ingest.repository.PublishedArticles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static com.tradethehype.ingest.FeedFixturesTestResource.GOOGLE;
import static com.tradethehype.ingest.FeedFixturesTestResource.HOSTILE;
import static com.tradethehype.ingest.FeedFixturesTestResource.SEC;
import static com.tradethehype.ingest.FeedFixturesTestResource.YAHOO;
import static com.tradethehype.ingest.FeedFixturesTestResource.YAHOO_MIRROR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One source at a time, end to end: recorded feed over HTTP, real PostgreSQL, real SQS (ElasticMQ). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class SourcePollingTest {

    @Inject
    IngestTestSupport support;
    @Inject
    PublishedArticles publishedArticles;

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    @Test
    void publishesBothYahooItemsWithCanonicalUrlIdAndSourceTickers() {
        poll(YAHOO).body("status", equalTo("OK")).body("fetched", equalTo(2)).body("published", equalTo(2))
                .body("duplicates", equalTo(0)).body("withoutTickers", equalTo(0)).body("error", nullValue());

        List<ArticleIngested> events = support.published().stream()
                .sorted(Comparator.comparing(ArticleIngested::publishedAt)).toList();
        assertEquals(2, events.size());
        ArticleIngested nvidia = events.get(0);
        assertEquals("Is NVIDIA a Buy?", nvidia.title());
        assertEquals("https://finance.yahoo.com/m/719429c8-0b4f-3880-b287-c6d4b2ae0241/is-nvidia-a-buy%3F.html",
                nvidia.url());
        assertEquals(Instant.parse("2020-08-01T14:48:00Z"), nvidia.publishedAt());
        assertEquals("This chip company is experiencing tremendous momentum, but the high valuation should give "
                + "investors pause.", nvidia.summary());
        assertEquals(List.of("NVDA"), nvidia.tickers(),
                "NVIDIA by name; the MSFT feed's own ticker does not outvote a text that names only another company");
        assertEquals(List.of("NVDA:NAME:NVIDIA"), nvidia.evidence().stream()
                .map(e -> e.symbol() + ":" + e.kind() + ":" + e.text()).toList());
        ArticleIngested tiktok = events.get(1);
        assertEquals("White House Poised to Announce Move on TikTok’s U.S. Operations", tiktok.title());
        assertEquals("https://finance.yahoo.com/news/trump-says-ban-china-owned-023554705.html", tiktok.url());
        assertEquals(Instant.parse("2020-08-01T20:57:44Z"), tiktok.publishedAt());
        for (ArticleIngested event : events) {
            assertEquals(ArticleNormaliser.articleId(event.url()), event.articleId());
            assertTrue(event.articleId().matches("[0-9a-f]{64}"), event.articleId());
            assertEquals(YAHOO, event.source());
            assertTrue(event.tickers().contains(event == tiktok ? "MSFT" : "NVDA"), event.tickers().toString());
            assertEquals("en", event.lang());
            assertTrue(event.fetchedAt().isAfter(Instant.now().minusSeconds(60)));
            assertTrue(publishedArticles.contains(event.articleId()));
        }
    }

    @Test
    void secondPollOfAnUnchangedFeedIsAnsweredByEtagAndPublishesNothing() {
        poll(YAHOO).body("status", equalTo("OK")).body("published", equalTo(2));
        poll(YAHOO).body("status", equalTo("UNCHANGED")).body("fetched", equalTo(0)).body("published", equalTo(0));
        assertEquals(2, support.published().size());
    }

    @Test
    void anArticleWhoseSendFailsIsNeitherRecordedNorHiddenByTheEtagSoTheNextPollPublishesIt() {
        support.withoutArticlesQueue(() -> poll(YAHOO).body("status", equalTo("FAILED")).body("published", equalTo(0))
                .body("error", containsString("tth-articles-ingested")));

        poll(YAHOO).body("status", equalTo("OK")).body("published", equalTo(2)).body("duplicates", equalTo(0));
        assertEquals(2, support.published().size());
    }

    @Test
    void articlesReadAgainWithoutEtagAreRecognisedByTheDatabaseAndNotPublishedTwice() {
        poll(YAHOO).body("published", equalTo(2));
        // same content at another URL, so no conditional GET helps: only the published-article table can
        poll(YAHOO_MIRROR).body("status", equalTo("OK")).body("fetched", equalTo(2)).body("published", equalTo(0))
                .body("duplicates", equalTo(2));
        assertEquals(2, support.published().size());
    }

    @Test
    void takesTickerFromExchangeFormInHeadlineAndLanguageFromFeed() {
        poll(GOOGLE).body("status", equalTo("OK")).body("published", equalTo(1));
        ArticleIngested event = support.published().get(0);
        assertEquals(List.of("MSFT"), event.tickers());
        assertEquals("de", event.lang());
        assertEquals("http://www.ims-magazin.de/microsoft-nasdaq-msft-bei-bidaskclub-zu-strong-buy-aufgestockt-48972/",
                event.url());
        assertEquals("Microsoft (NASDAQ: MSFT) bei BidaskClub zu Strong-Buy aufgestockt » IMS "
                + "Internationales Magazin für Sicherheit (IMS)", event.summary());
        assertEquals(Instant.parse("2020-07-15T07:00:00Z"), event.publishedAt());
    }

    @Test
    void publishesAtomEntriesOfAnIso88591SecEdgarFeed() {
        poll(SEC).body("status", equalTo("OK")).body("fetched", equalTo(5)).body("published", equalTo(5));
        List<ArticleIngested> events = support.published();
        assertEquals(5, events.size());
        ArticleIngested s1 = events.stream().filter(e -> e.url().contains("000110465921024398")).findFirst().orElseThrow();
        assertEquals("S-1 - General form for registration of securities under the Securities Act of 1933", s1.title());
        assertEquals("Filed: 2021-02-16 AccNo: 0001104659-21-024398 Size: 1 MB", s1.summary());
        assertEquals(Instant.parse("2021-02-16T22:25:34Z"), s1.publishedAt());
        assertEquals(List.of("MAQC"), s1.tickers());
    }

    @Test
    void headlineMarkupBecomesPlainTextAScriptStaysTextAndTrackingParametersAreDropped() {
        poll(HOSTILE).body("status", equalTo("OK")).body("fetched", equalTo(3)).body("published", equalTo(1))
                .body("withoutTickers", equalTo(0)).body("cryptoOnly", equalTo(1)).body("invalid", equalTo(1));
        ArticleIngested event = support.published().get(0);
        assertEquals("Apple & <script>alert(1)</script> $AAPL beats estimates", event.title());
        assertEquals("Shares of Apple Inc. rose 3% after earnings.", event.summary());
        assertEquals("https://example.com/markets/apple-beats?id=42", event.url());
        assertEquals(List.of("AAPL"), event.tickers());
        assertFalse(event.title().contains("<b>"), "formatting markup is gone: " + event.title());
    }

    private static ValidatableResponse poll(String source) {
        return asAdmin().when().post("/sources/{name}/poll", source).then().statusCode(200)
                .body("source", equalTo(source));
    }
}
