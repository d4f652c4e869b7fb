package com.tradethehype.ingest.rest;

import static com.tradethehype.ingest.AdminRequests.asAdmin;
import static com.tradethehype.ingest.FeedFixturesTestResource.ENABLED;
import static com.tradethehype.ingest.FeedFixturesTestResource.MISSING;
import static com.tradethehype.ingest.FeedFixturesTestResource.OVERSIZE;
import static com.tradethehype.ingest.FeedFixturesTestResource.PAUSED;
import static com.tradethehype.ingest.FeedFixturesTestResource.XXE;
import static com.tradethehype.ingest.FeedFixturesTestResource.YAHOO;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /sources API: listing, polling all or one, and problem+json errors. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class SourceResourceTest {

    @Inject
    IngestTestSupport support;

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    @Test
    void pollingAllRejectsTheXxeFeedAndStillPollsEveryOtherEnabledSource() {
        asAdmin().when().post("/sources/poll").then().statusCode(200)
                .contentType("application/json")
                .body("source", equalTo(ENABLED))
                .body("source", not(hasItem(PAUSED)))
                .body("find { it.source == '" + XXE + "' }.status", equalTo("FAILED"))
                .body("find { it.source == '" + XXE + "' }.error", containsString("DOCTYPE"))
                .body("find { it.source == '" + XXE + "' }.error", containsString(XXE))
                .body("find { it.source == '" + XXE + "' }.published", equalTo(0))
                .body("find { it.source == '" + MISSING + "' }.status", equalTo("FAILED"))
                .body("find { it.source == '" + MISSING + "' }.error", containsString("HTTP 404"))
                .body("find { it.source == '" + OVERSIZE + "' }.status", equalTo("FAILED"))
                .body("find { it.source == '" + OVERSIZE + "' }.error", containsString("ingest.max-bytes"))
                .body("find { it.source == '" + YAHOO + "' }.status", equalTo("OK"))
                .body("find { it.source == '" + YAHOO + "' }.error", nullValue())
                // the mirror is polled at the same time: whichever is first publishes, the other finds duplicates
                .body("findAll { it.source.startsWith('" + YAHOO + "') }.published.sum()", equalTo(2))
                .body("findAll { it.source.startsWith('" + YAHOO + "') }.duplicates.sum()", equalTo(2));
    }

    @Test
    void listsEverySourceWithItsLastResultAndFailureStreak() {
        asAdmin().when().post("/sources/{name}/poll", YAHOO).then().statusCode(200);
        asAdmin().when().post("/sources/{name}/poll", XXE).then().statusCode(200).body("status", equalTo("FAILED"));

        given().when().get("/sources").then().statusCode(200)
                .body("name", hasItem(PAUSED))
                .body("find { it.name == '" + PAUSED + "' }.enabled", equalTo(false))
                .body("find { it.name == '" + PAUSED + "' }.lastResult", nullValue())
                .body("find { it.name == '" + YAHOO + "' }.url", startsWith("http://127.0.0.1:"))
                .body("find { it.name == '" + YAHOO + "' }.kind", equalTo("rss"))
                .body("find { it.name == '" + YAHOO + "' }.tickers", equalTo(java.util.List.of("MSFT")))
                .body("find { it.name == '" + YAHOO + "' }.interval", equalTo("PT5M"))
                .body("find { it.name == '" + YAHOO + "' }.lastResult.status", equalTo("OK"))
                .body("find { it.name == '" + YAHOO + "' }.lastSuccessAt", notNullValue())
                .body("find { it.name == '" + YAHOO + "' }.consecutiveFailures", equalTo(0))
                .body("find { it.name == '" + XXE + "' }.lastResult.status", equalTo("FAILED"))
                .body("find { it.name == '" + XXE + "' }.lastErrorAt", notNullValue())
                .body("find { it.name == '" + XXE + "' }.lastError", containsString("DOCTYPE"))
                .body("find { it.name == '" + XXE + "' }.lastSuccessAt", nullValue())
                .body("find { it.name == '" + XXE + "' }.consecutiveFailures", equalTo(1));
    }

    @Test
    void pollingAnUnknownSourceAnswers404ProblemJson() {
        asAdmin().when().post("/sources/{name}/poll", "no-such-source").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tradethehype:problem:unknown-source"))
                .body("title", equalTo("Unknown source"))
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-source"));
    }

    @Test
    void anUnknownPathAnswersProblemJsonWithoutInternals() {
        given().when().get("/no/such/path").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", not(containsString("Exception")));
    }
}
