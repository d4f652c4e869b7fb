package com.tradethehype.digest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /articles/stored}, the question ingest's publish audit asks, and undated articles: stored through the
 * real queue and database, answered over HTTP.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
class StoredArticlesApiTest {

    @Inject
    SqsQueues queues;
    @Inject
    ObjectMapper json;

    @Test
    void answersOnlyTheAskedIdsThatAreStored() throws Exception {
        String ticker = ticker();
        ArticleScored first = scored(ticker, Instant.parse("2026-11-30T10:00:00Z"));
        ArticleScored second = scored(ticker, Instant.parse("2026-11-30T11:00:00Z"));
        send(first);
        send(second);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("ticker", ticker)
                .when().get("/articles").then().statusCode(200).body("$", hasSize(2)));
        String unknown = hexId();

        given().contentType("application/json")
                .body(Map.of("ids", List.of(first.articleId(), unknown, second.articleId(), first.articleId())))
                .when().post("/articles/stored")
                .then().statusCode(200)
                .body("stored", containsInAnyOrder(first.articleId(), second.articleId()));
        given().contentType("application/json").body(Map.of("ids", List.of(unknown)))
                .when().post("/articles/stored")
                .then().statusCode(200).body("stored", hasSize(0));
    }

    @Test
    void refusesAnEmptyListWithAProblemNamingIds() {
        given().contentType("application/json").body(Map.of("ids", List.of()))
                .when().post("/articles/stored")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ids must list 1 to 1000 article ids"));
    }

    @Test
    void refusesMoreThanAThousandIds() {
        List<String> ids = IntStream.range(0, 1001).mapToObj(i -> hexId()).toList();
        given().contentType("application/json").body(Map.of("ids", ids))
                .when().post("/articles/stored")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ids must list 1 to 1000 article ids"));
    }

    @Test
    void refusesSomethingThatIsNotAnArticleIdAndSaysWhichField() {
        String body = given().contentType("application/json").body(Map.of("ids", List.of(hexId(), "'; DROP TABLE x")))
                .when().post("/articles/stored")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ids"))
                .body("detail", containsString("must be an article id (64 lower-case hex digits)"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("Exception"), body);
    }

    @Test
    void refusesAMissingOrMalformedBody() {
        given().contentType("application/json").when().post("/articles/stored")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"ids\": ")
                .when().post("/articles/stored")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        given().contentType("application/json").body("{\"ids\": null}")
                .when().post("/articles/stored")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ids"));
    }

    @Test
    void anUndatedArticleIsStoredAndShownUndatedAtTheTimeIngestFirstSawIt() throws Exception {
        String ticker = ticker();
        Instant firstSeen = Instant.parse("2026-11-30T09:15:00Z");
        var undated = new ArticleIngested(hexId(), "sec-press", "https://www.sec.gov/news/" + UUID.randomUUID(),
                "SEC charges " + ticker, "", null, firstSeen, List.of(ticker), "en", List.of(), null, false);
        send(ArticleScored.of(undated, new Sentiment(0.1, 0.6, 0.3), new ModelRef("m1", "1"), Instant.now()));
        ArticleScored dated = scored(ticker, Instant.parse("2026-11-29T09:00:00Z"));
        send(dated);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("ticker", ticker)
                .when().get("/articles").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].articleId", equalTo(undated.articleId()))
                .body("[0].undated", equalTo(true))
                .body("[0].publishedAt", equalTo("2026-11-30T09:15:00Z"))
                .body("[0].fetchedAt", equalTo("2026-11-30T09:15:00Z"))
                .body("[1].undated", equalTo(false))
                .body("[1].publishedAt", equalTo("2026-11-29T09:00:00Z")));
        given().queryParam("days", 30).when().get("/tickers/{symbol}", ticker).then().statusCode(200)
                .body("headlines.find { it.articleId == '" + undated.articleId() + "' }.undated", equalTo(true))
                .body("headlines.find { it.articleId == '" + dated.articleId() + "' }.undated", equalTo(false));
    }

    private void send(ArticleScored event) throws Exception {
        new SqsSender(queues, Queues.ARTICLES_SCORED).send(json.writeValueAsString(event));
    }

    private static ArticleScored scored(String ticker, Instant published) {
        var article = new ArticleIngested(hexId(), "yahoo-" + ticker.toLowerCase(), "https://x.test/" + UUID.randomUUID(),
                "About " + ticker, "", published, published.plusSeconds(60), List.of(ticker), "en");
        return ArticleScored.of(article, new Sentiment(0.5, 0.2, 0.3), new ModelRef("m1", "1"), Instant.now());
    }

    static String hexId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ticker() {
        return "U" + UUID.randomUUID().toString().replaceAll("[^A-Z0-9a-z]", "").substring(0, 6).toUpperCase();
    }
}
