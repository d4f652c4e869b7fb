package com.tradethehype.digest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.devstack.testing.PostgresTestResource;

import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.digest.service.DigestDays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Signals computed from seeded days of real rows in PostgreSQL, read back through the API. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(MailServerResource.class)
class SignalApiTest {

    @Inject
    Pool pool;
    @Inject
    DigestDays days;
    @Inject
    com.tradethehype.messaging.SqsQueues queues;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** 13:30 UTC = 06:30 Phoenix: the window of {@code date} is the 24 h before this. */
    static Instant digestTime(LocalDate date) {
        return date.atTime(13, 30).toInstant(java.time.ZoneOffset.UTC);
    }

    @Test
    void findsASpikeAgainstItsSevenDayNormAndTheExplanationMatchesTheStoredNumbers() {
        Seed seed = new Seed(pool);
        LocalDate date = LocalDate.parse("2003-03-10");
        String ticker = Seed.ticker();
        String calm = Seed.ticker();
        Instant end = digestTime(date);
        seed.article(Seed.ticker(), "yahoo", end.minus(Duration.ofDays(9)), 0.3, 0.3); // the system ran 7+ days
        for (int d = 1; d <= 7; d++) {
            seed.article(ticker, "yahoo", end.minus(Duration.ofDays(d)).minusSeconds(3600), 0.3, 0.3);
            seed.article(calm, "yahoo", end.minus(Duration.ofDays(d)).minusSeconds(3600), 0.3, 0.3);
        }
        String[] sources = {"yahoo", "reddit", "stocktwits", "google"};
        for (int i = 0; i < 12; i++) {
            seed.article(ticker, sources[i % 4], end.minusSeconds(600L * (i + 1)), i % 2 == 0 ? 0.6 : 0.1,
                    i % 2 == 0 ? 0.1 : 0.6);
        }
        seed.article(calm, "yahoo", end.minusSeconds(600), 0.3, 0.3);

        days.ensure(date).await().atMost(Duration.ofSeconds(30));
        JsonPath body = given().queryParam("date", date.toString()).when().get("/signals")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> spike = body.getMap("signals.find { it.ticker == '" + ticker + "' }");
        assertEquals("HYPE_SPIKE", spike.get("kind"));
        assertEquals(12, spike.get("mentions"));
        assertEquals(4, spike.get("sources"));
        assertEquals(Boolean.FALSE, body.get("signals.find { it.ticker == '" + ticker + "' }.baseline.building"));
        float z = body.getFloat("signals.find { it.ticker == '" + ticker + "' }.baseline.zScore");
        float mean = body.getFloat("signals.find { it.ticker == '" + ticker + "' }.baseline.mean");
        assertEquals(1.0f, mean, 1e-6);
        assertEquals((12 - 1.0) / 1.5, z, 1e-4);
        String explanation = (String) spike.get("explanation");
        Matcher m = Pattern.compile("^(\\d+) articles from (\\d+) sources, ([0-9.]+) sigma above its 7-day norm, "
                + "mixed sentiment \\((\\d+) % positive, (\\d+) % negative\\)\\.$").matcher(explanation);
        assertTrue(m.matches(), explanation);
        assertEquals(12, Integer.parseInt(m.group(1)));
        assertEquals(4, Integer.parseInt(m.group(2)));
        assertEquals(String.format(Locale.ROOT, "%.1f", z), m.group(3));
        float pos = body.getFloat("signals.find { it.ticker == '" + ticker + "' }.positiveShare");
        assertEquals(Math.round(pos * 100), Integer.parseInt(m.group(4)));
        assertEquals(3, ((List<?>) spike.get("headlines")).size());
        assertTrue(body.getList("signals.ticker").stream().noneMatch(calm::equals), "a calm ticker is no signal");
        assertEquals("tth-test-model", body.getString("model.id"));
    }

    @Test
    void aBullishTickerCarriesItsBestHeadlinesWithLinks() {
        Seed seed = new Seed(pool);
        LocalDate date = LocalDate.parse("2003-04-10");
        String ticker = Seed.ticker();
        Instant end = digestTime(date);
        seed.article(ticker, "yahoo", end.minusSeconds(100), 0.95, 0.01, ticker + " best news", null);
        seed.article(ticker, "reddit", end.minusSeconds(200), 0.70, 0.10, ticker + " good news", null);
        seed.article(ticker, "google", end.minusSeconds(300), 0.60, 0.20, ticker + " fine news", null);
        seed.article(ticker, "google", end.minusSeconds(400), 0.20, 0.50, ticker + " worst news", null);

        days.ensure(date).await().atMost(Duration.ofSeconds(30));
        given().queryParam("date", date.toString()).queryParam("kind", "bullish").when().get("/signals")
                .then().statusCode(200)
                .body("signals.ticker", hasItem(ticker))
                .body("signals.kind", not(hasItem("BEARISH")))
                .body("signals.find { it.ticker == '" + ticker + "' }.headlines.title",
                        equalTo(List.of(ticker + " best news", ticker + " good news", ticker + " fine news")))
                .body("signals.find { it.ticker == '" + ticker + "' }.headlines[0].url",
                        containsString("https://news.example.com/"))
                .body("signals.find { it.ticker == '" + ticker + "' }.authorBullishShare", nullValue());
    }

    @Test
    void aCryptoSymbolNeverBecomesASignalWhileAStockSharingACoinSymbolStays() {
        Seed seed = new Seed(pool);
        LocalDate date = LocalDate.parse("2003-05-10");
        Instant end = digestTime(date);
        for (String source : List.of("yahoo", "reddit", "google", "stocktwits")) {
            seed.article("DOGE", source, end.minusSeconds(100), 0.9, 0.05);
            seed.article("M", source, end.minusSeconds(200), 0.9, 0.05);
        }
        days.ensure(date).await().atMost(Duration.ofSeconds(30));
        given().queryParam("date", date.toString()).when().get("/signals")
                .then().statusCode(200)
                .body("signals.ticker", not(hasItem("DOGE")))
                .body("signals.ticker", hasItem("M"));
    }

    @Test
    void aStoredArticleKeepsItsAuthorTagAndEvidenceButNoCoinTicker() throws Exception {
        String id = "crypto-" + java.util.UUID.randomUUID();
        var event = new com.tradethehype.contracts.ArticleScored(id, "stocktwits", "https://stocktwits.com/m/" + id,
                "$DOGE.X and $M to the moon", "", Instant.parse("2003-07-01T10:00:00Z"),
                Instant.parse("2003-07-01T10:01:00Z"), List.of("DOGE", "M", "BTC"), "en",
                new com.tradethehype.contracts.Sentiment(0.8, 0.1, 0.1), "positive", 0.7,
                new com.tradethehype.contracts.ModelRef("tth-test-model", "1"), Instant.now(),
                List.of(new com.tradethehype.contracts.TickerEvidence("DOGE", "CASHTAG", "$DOGE.X"),
                        new com.tradethehype.contracts.TickerEvidence("M", "CASHTAG", "$M"),
                        new com.tradethehype.contracts.TickerEvidence("BTC", "CASHTAG", "$BTC.X")), "Bullish");
        new com.tradethehype.messaging.SqsSender(queues, com.tradethehype.contracts.Queues.ARTICLES_SCORED)
                .send(json.writeValueAsString(event));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pool
                .preparedQuery("SELECT count(*) FROM digest.article WHERE article_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0) == 1);
        var row = pool.preparedQuery("SELECT author_sentiment, evidence::text, (SELECT array_agg(ticker ORDER BY ticker) "
                        + "FROM digest.article_ticker t WHERE t.article_id = a.article_id) FROM digest.article a "
                        + "WHERE article_id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertEquals("Bullish", row.getString(0));
        assertTrue(row.getString(1).contains("\"$DOGE.X\""), row.getString(1));
        assertEquals(List.of("M"), List.of(row.getArrayOfStrings(2)), "DOGE and BTC-as-coin are not linked");
    }

    @Test
    void tooLittleEvidenceGivesAQuietDay() {
        Seed seed = new Seed(pool);
        LocalDate date = LocalDate.parse("2003-06-10");
        String ticker = Seed.ticker();
        for (int i = 0; i < 5; i++) {
            seed.article(ticker, "only-one-source", digestTime(date).minusSeconds(100 + i), 0.9, 0.05);
        }
        var day = days.ensure(date).await().atMost(Duration.ofSeconds(30));
        assertEquals(DigestDays.QUIET, day.status());
        given().queryParam("date", date.toString()).when().get("/signals")
                .then().statusCode(200).body("status", equalTo("QUIET")).body("signals", hasSize(0))
                .body("articles", equalTo(5)).body("sources", equalTo(1));
    }

    @Test
    void aTickerShowsItsDailySeriesSignalsAndScoredHeadlines() {
        Seed seed = new Seed(pool);
        String ticker = Seed.ticker();
        Instant now = Instant.now();
        seed.article(ticker, "yahoo", now.minus(Duration.ofDays(2)), 0.8, 0.1);
        seed.article(ticker, "reddit", now.minus(Duration.ofDays(2)), 0.6, 0.2);
        seed.article(ticker, "google", now.minusSeconds(60), 0.1, 0.7);
        JsonPath body = given().queryParam("days", 5).when().get("/tickers/" + ticker.toLowerCase(Locale.ROOT))
                .then().statusCode(200).body("ticker", equalTo(ticker)).body("days", hasSize(5))
                .body("headlines", hasSize(3))
                .body("headlines[0].model.id", equalTo("tth-test-model"))
                .body("headlines[0].label", equalTo("negative"))
                .extract().jsonPath();
        int total = body.getList("days.mentions", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertEquals(3, total);
    }

    @Test
    void invalidParametersAreProblemsNamingTheField() {
        given().queryParam("date", "yesterday").when().get("/signals").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("date"));
        given().queryParam("kind", "MOON").when().get("/signals").then().statusCode(400)
                .body("detail", containsString("kind must be one of HYPE_SPIKE, BULLISH, BEARISH"));
        given().queryParam("limit", "0").when().get("/signals").then().statusCode(400)
                .body("detail", containsString("limit"));
        given().queryParam("days", "400").when().get("/tickers/MSFT").then().statusCode(400)
                .body("detail", containsString("days"));
        given().when().get("/tickers/<script>").then().statusCode(400).body("detail", containsString("symbol"));
        given().when().get("/digests/2001-13-40").then().statusCode(400).body("detail", containsString("date"));
    }

    @Test
    void unknownTickersAndDaysAre404Problems() {
        given().when().get("/tickers/QQQQQQ").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("QQQQQQ"));
        given().queryParam("date", "1999-01-01").when().get("/signals").then().statusCode(404)
                .body("detail", equalTo("no digest for 1999-01-01"));
        given().when().get("/digests/1999-01-01").then().statusCode(404);
    }
}
