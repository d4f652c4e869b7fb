package com.tradethehype.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /extract: why a text is tagged, for users and the dashboard. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class ExtractResourceTest {

    @Test
    void answersEachTickerWithItsListingAndEvidenceAndTheDroppedCrypto() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Realty Income (O) and $SPY rise while $BTC.X and Bitcoin slide"))
                .when().post("/extract").then().statusCode(200).contentType("application/json")
                .body("published", equalTo(true))
                .body("tickers.symbol", equalTo(List.of("O", "SPY")))
                .body("tickers[0].name", equalTo("REALTY INCOME CORP"))
                .body("tickers[0].exchange", equalTo("NYSE"))
                .body("tickers[0].etf", equalTo(false))
                .body("tickers[0].evidence[0].kind", equalTo("NAME"))
                .body("tickers[0].evidence[0].text", equalTo("Realty Income"))
                .body("tickers[0].evidence[0].start", equalTo(0))
                .body("tickers[1].etf", equalTo(true))
                .body("tickers[1].evidence[0].kind", equalTo("CASHTAG"))
                .body("crypto.text", equalTo(List.of("$BTC.X", "Bitcoin")))
                .body("crypto.coin", equalTo(List.of("BTC", "BTC")));
    }

    @Test
    void answersACashtagOutsideTheUniverseAsAnUnverifiedTickerWithoutListing() {
        given().contentType(ContentType.JSON).body(Map.of("text", "$MCIG squeezes higher while $SPX dips"))
                .when().post("/extract").then().statusCode(200)
                .body("published", equalTo(true))
                .body("tickers.symbol", equalTo(List.of("MCIG")))
                .body("tickers[0].name", nullValue())
                .body("tickers[0].exchange", nullValue())
                .body("tickers[0].evidence[0].kind", equalTo("UNVERIFIED_CASHTAG"))
                .body("tickers[0].evidence[0].text", equalTo("$MCIG"));
    }

    @Test
    void aTextAboutNoStockWouldNotBePublished() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Can it go on for real? It is all open now"))
                .when().post("/extract").then().statusCode(200)
                .body("tickers", hasSize(0)).body("crypto", hasSize(0)).body("published", equalTo(false));
    }

    @Test
    void rejectsMissingBlankOverlongAndUntypedTextsAsProblems() {
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/extract").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("text must not be blank"));
        given().contentType(ContentType.JSON).body(Map.of("text", "  ")).when().post("/extract").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", "a".repeat(20_001))).when().post("/extract").then()
                .statusCode(400).body("detail", containsString("size must be between"));
        given().when().post("/extract").then().statusCode(415).contentType("application/problem+json");
    }
}
