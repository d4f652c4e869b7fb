package com.tradethehype.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.tradethehype.gateway.support.Accounts;
import com.tradethehype.gateway.support.GatewayTestResource;
import com.tradethehype.gateway.support.InjectStubs;
import com.tradethehype.gateway.support.StubServices;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /api/articles and readiness: invalid requests stop here, an unreachable digest-service is a 503. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class ArticleResourceTest {

    @InjectStubs
    StubServices stubs;

    @AfterEach
    void resetStubs() {
        stubs.reset();
    }

    @Test
    void rejectsAnInvalidTickerBeforeCallingDigest() {
        given().auth().oauth2(Accounts.user()).queryParam("ticker", "DROP TABLE").when().get("/api/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("ticker must be a stock symbol such as MSFT or BRK.B"));
    }

    @Test
    void rejectsAnInvalidLimit() {
        given().auth().oauth2(Accounts.user()).queryParam("limit", "-3").when().get("/api/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("limit must be a whole number from 1 to 500, was '-3'"));
    }

    @Test
    void forwardsTheTickerUpperCased() {
        given().auth().oauth2(Accounts.user()).queryParam("ticker", "msft").when().get("/api/articles")
                .then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals("ticker=MSFT&limit=50",
                stubs.digest.requests("GET", "/articles").get(0).query());
    }

    @Test
    void keepsDigestsUndatedMarkSoTheDashboardCanShowIt() {
        given().auth().oauth2(Accounts.user()).queryParam("ticker", "MSFT").when().get("/api/articles")
                .then().statusCode(200)
                .body("undated", org.hamcrest.Matchers.contains(true, false))
                .body("[0].publishedAt", equalTo("2026-11-30T14:02:11Z"));
    }

    @Test
    void answers503WithAProblemWhenDigestIsUnreachable() {
        String token = Accounts.user();
        stubs.digest.down(true);
        given().auth().oauth2(token).queryParam("ticker", "MSFT").when().get("/api/articles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("digest-service is unavailable; try again shortly"))
                .body(not(containsString("Exception")));
    }

    @Test
    void isReadyOnlyWhileDigestIsReady() {
        given().when().get("/q/health/ready").then().statusCode(200);
        stubs.digest.down(true);
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'digest-service' }.status", equalTo("DOWN"));
    }

    @Test
    void unknownPathsAnswerAProblem() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404);
    }
}
