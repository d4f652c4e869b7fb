package com.tradethehype.ingest.rest;

import static com.tradethehype.ingest.AdminRequests.asAdmin;
import static com.tradethehype.ingest.FeedFixturesTestResource.PAUSED;
import static com.tradethehype.ingest.FeedFixturesTestResource.YAHOO;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.source.SourceCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST and DELETE /sources: run-time sources, kept in PostgreSQL, validated like configured ones. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class RuntimeSourcesTest {

    @Inject
    IngestTestSupport support;
    @Inject
    SourceCatalog catalog;

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    private static String yahooUrl() {
        return given().when().get("/sources/{name}", YAHOO).then().statusCode(200).extract().path("url");
    }

    @Test
    void addedSourceIsListedPolledAndKeptAcrossAReload() {
        Map<String, Object> body = Map.of("name", "added-yahoo", "url", yahooUrl(), "tickers", List.of("msft"),
                "interval", "15m", "weight", 2.5);
        asAdmin().contentType(ContentType.JSON).body(body).when().post("/sources").then().statusCode(201)
                .header("Location", endsWith("/sources/added-yahoo"))
                .body("name", equalTo("added-yahoo")).body("kind", equalTo("rss")).body("enabled", equalTo(true))
                .body("tickers", equalTo(List.of("MSFT"))).body("interval", equalTo("PT15M"))
                .body("weight", equalTo(2.5f)).body("origin", equalTo("runtime")).body("health", equalTo("UP"));

        asAdmin().when().post("/sources/{name}/poll", "added-yahoo").then().statusCode(200)
                .body("status", equalTo("OK")).body("published", equalTo(2));
        catalog.reload(); // what a restart reads
        given().when().get("/sources/{name}", "added-yahoo").then().statusCode(200)
                .body("origin", equalTo("runtime")).body("itemsSeen", equalTo(2)).body("itemsPublished", equalTo(2))
                .body("lastResult.status", equalTo("OK"));
    }

    @Test
    void addingATakenNameIsAConflict() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", YAHOO, "url", yahooUrl()))
                .when().post("/sources").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tradethehype:problem:source-exists"))
                .body("detail", containsString(YAHOO));
    }

    @Test
    void invalidSourcesAre400ProblemsNamingTheField() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Bad Name!", "url", ""))
                .when().post("/sources").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("name must be"))
                .body("detail", containsString("url must not be blank"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "ftp", "url", "ftp://example.com/feed"))
                .when().post("/sources").then().statusCode(400)
                .body("type", equalTo("urn:tradethehype:problem:invalid-source"))
                .body("detail", containsString("absolute http(s) URL"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "odd", "url", "https://example.com/x", "kind", "gopher"))
                .when().post("/sources").then().statusCode(400)
                .body("detail", containsString("kind 'gopher' is not supported"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "tpl", "url", "https://example.com/{ticker}"))
                .when().post("/sources").then().statusCode(400)
                .body("detail", containsString("configuration only"));
        asAdmin().contentType(ContentType.JSON).body("{not json").when().post("/sources").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void deletingARuntimeSourceForgetsItAndItsState() {
        support.addSource("short-lived", yahooUrl(), "rss", "MSFT");
        asAdmin().when().post("/sources/{name}/poll", "short-lived").then().statusCode(200);

        asAdmin().when().delete("/sources/{name}", "short-lived").then().statusCode(204);
        given().when().get("/sources/{name}", "short-lived").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/sources").then().body("name", not(hasItem("short-lived")));
        org.junit.jupiter.api.Assertions.assertNull(
                support.queryValue("SELECT source FROM ingest.source_state WHERE source = 'short-lived'"));
    }

    @Test
    void deletingAConfiguredSourceStaysDeletedAfterAReloadUntilAddedAgain() {
        asAdmin().when().delete("/sources/{name}", PAUSED).then().statusCode(204);
        catalog.reload();
        given().when().get("/sources").then().statusCode(200).body("name", not(hasItem(PAUSED)));

        asAdmin().contentType(ContentType.JSON).body(Map.of("name", PAUSED, "url", yahooUrl(), "enabled", false))
                .when().post("/sources").then().statusCode(201).body("origin", equalTo("runtime"));
        given().when().get("/sources").then().body("name", hasItem(PAUSED));
    }

    @Test
    void deletingAnUnknownSourceIs404() {
        asAdmin().when().delete("/sources/{name}", "no-such-source").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tradethehype:problem:unknown-source"));
    }
}
