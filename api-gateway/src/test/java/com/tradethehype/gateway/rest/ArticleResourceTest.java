package com.tradethehype.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What the gateway answers on its own: invalid requests, and an unreachable digest-service (nothing listens on
 * its configured port in this test). The forwarding path itself runs in the e2e test against the real service.
 */
@QuarkusTest
class ArticleResourceTest {

    @Test
    void rejectsAnInvalidTickerBeforeCallingDigest() {
        given().queryParam("ticker", "DROP TABLE").when().get("/api/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("ticker must be a stock symbol such as MSFT or BRK.B"));
    }

    @Test
    void rejectsAnInvalidLimit() {
        given().queryParam("limit", "-3").when().get("/api/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("limit must be a whole number from 1 to 500, was '-3'"));
    }

    @Test
    void answers503WithAProblemWhenDigestIsUnreachable() {
        given().queryParam("ticker", "MSFT").when().get("/api/articles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("digest-service is unavailable; try again shortly"))
                .body(not(containsString("Exception")));
    }

    @Test
    void isNotReadyWhileDigestIsUnreachable() {
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
