package com.tradethehype.digest.rest;

import static com.tradethehype.digest.AdminRequests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.contracts.ArticleScored;
import com.tradethehype.contracts.ModelRef;
import com.tradethehype.contracts.Queues;
import com.tradethehype.contracts.Sentiment;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.messaging.SqsSender;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scored articles arrive over a real ElasticMQ queue, land in real PostgreSQL and come out of the API. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
class ArticleFlowTest {

    @Inject
    SqsQueues queues;
    @Inject
    ObjectMapper json;

    @Test
    void storesAScoredArticleAndServesItByTicker() throws Exception {
        String ticker = uniqueTicker();
        ArticleScored event = scored(ticker, "m1", new Sentiment(0.8, 0.05, 0.15));
        send(event);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("ticker", ticker.toLowerCase())
                .when().get("/articles")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].articleId", equalTo(event.articleId()))
                .body("[0].title", equalTo(event.title()))
                .body("[0].tickers", equalTo(List.of("MSFT", ticker)))
                .body("[0].publishedAt", equalTo("2020-08-01T14:05:00Z"))
                .body("[0].scores", hasSize(1))
                .body("[0].scores[0].modelId", equalTo("m1"))
                .body("[0].scores[0].label", equalTo("positive"))
                .body("[0].scores[0].score", equalTo(0.75f)));
    }

    @Test
    void aRedeliveredMessageIsStoredOnceAndASecondModelAddsASecondScore() throws Exception {
        String ticker = uniqueTicker();
        ArticleScored first = scored(ticker, "m1", new Sentiment(0.1, 0.7, 0.2));
        send(first);
        send(first);
        ArticleScored other = new ArticleScored(first.articleId(), first.source(), first.url(), first.title(),
                first.summary(), first.publishedAt(), first.fetchedAt(), first.tickers(), first.lang(),
                new Sentiment(0.2, 0.2, 0.6), "neutral", 0.0, new ModelRef("m2", "1-int8"), Instant.now());
        send(other);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("ticker", ticker)
                .when().get("/articles")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].scores", hasSize(2))
                .body("[0].scores.modelId", equalTo(List.of("m2", "m1"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.depth(Queues.ARTICLES_SCORED) == 0);
    }

    @Test
    void aMalformedMessageIsDeadLetteredWhileGoodOnesFlow() throws Exception {
        long deadBefore = queues.depth(Queues.deadLetterOf(Queues.ARTICLES_SCORED));
        String ticker = uniqueTicker();
        new SqsSender(queues, Queues.ARTICLES_SCORED).send("{\"articleId\": \"truncated");
        send(scored(ticker, "m1", new Sentiment(0.3, 0.3, 0.4)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("ticker", ticker)
                .when().get("/articles").then().statusCode(200).body("$", hasSize(1)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queues.depth(Queues.deadLetterOf(Queues.ARTICLES_SCORED)) == deadBefore + 1);
    }

    @Test
    void aDeadLetteredArticleMakesReadinessDownUntilItIsRedrivenAndStored() throws Exception {
        String ticker = uniqueTicker();
        ArticleScored event = scored(ticker, "m1", new Sentiment(0.5, 0.2, 0.3));
        new SqsSender(queues, Queues.deadLetterOf(Queues.ARTICLES_SCORED)).send(json.writeValueAsString(event));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'sqs tth-articles-scored' }.data.deadLetterAlert",
                        containsString(event.articleId())));
        asAdmin().when().post("/admin/redrive").then().statusCode(200)
                .body("'tth-articles-scored'", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("ticker", ticker)
                .when().get("/articles").then().statusCode(200).body("$", hasSize(1)));
    }

    @Test
    void databaseOutagesAreToldApartFromBadMessages() {
        assertEquals(true, com.tradethehype.digest.messaging.ArticleScoredConsumerAccess.connectionFailure(
                new RuntimeException("pool", new java.net.ConnectException("Connection refused"))));
        assertEquals(false, com.tradethehype.digest.messaging.ArticleScoredConsumerAccess.connectionFailure(
                new IllegalArgumentException("Unexpected end-of-input")));
    }

    @Test
    void newestArticlesComeFirstAndLimitIsHonoured() throws Exception {
        String ticker = uniqueTicker();
        for (int day = 1; day <= 3; day++) {
            send(scoredAt(ticker, Instant.parse("2024-03-0" + day + "T10:00:00Z")));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("ticker", ticker)
                .queryParam("limit", 2).when().get("/articles")
                .then().statusCode(200)
                .body("publishedAt", equalTo(List.of("2024-03-03T10:00:00Z", "2024-03-02T10:00:00Z"))));
    }

    @Test
    void rejectsAnOutOfRangeLimitWithAProblem() {
        given().queryParam("limit", 0).when().get("/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("detail", containsString("limit"));
    }

    @Test
    void rejectsANonNumericLimitWithAProblemAndNoStackTrace() {
        String body = given().queryParam("limit", "ten").when().get("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("limit must be a whole number from 1 to 500, was 'ten'"))
                .extract().asString();
        assertEquals(false, body.contains("Exception"), body);
    }

    @Test
    void rejectsATickerThatIsNotASymbol() {
        given().queryParam("ticker", "<script>").when().get("/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("ticker must be a stock symbol"));
    }

    @Test
    void isReadyWhenDatabaseAndQueueAnswer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("sqs " + Queues.ARTICLES_SCORED));
    }

    private void send(ArticleScored event) throws Exception {
        new SqsSender(queues, Queues.ARTICLES_SCORED).send(json.writeValueAsString(event));
    }

    private static String uniqueTicker() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder symbol = new StringBuilder("T");
        for (int i = 0; i < 6; i++) {
            symbol.append((char) ('A' + random.nextInt(26)));
        }
        return symbol.toString();
    }

    private static ArticleScored scored(String ticker, String model, Sentiment sentiment) {
        var article = new ArticleIngested(UUID.randomUUID().toString(), "yahoo-msft",
                "https://finance.yahoo.com/news/" + ticker.toLowerCase() + ".html", "Headline about " + ticker,
                "Summary", Instant.parse("2020-08-01T14:05:00Z"), Instant.parse("2020-08-01T14:07:00Z"),
                List.of(ticker, "MSFT"), "en");
        return ArticleScored.of(article, sentiment, new ModelRef(model, "1"), Instant.now());
    }

    private static ArticleScored scoredAt(String ticker, Instant published) {
        var article = new ArticleIngested(UUID.randomUUID().toString(), "s", "https://x.test/" + UUID.randomUUID(),
                "At " + published, "", published, published, List.of(ticker), "en");
        return ArticleScored.of(article, new Sentiment(0.2, 0.2, 0.6), new ModelRef("m1", "1"), Instant.now());
    }
}
