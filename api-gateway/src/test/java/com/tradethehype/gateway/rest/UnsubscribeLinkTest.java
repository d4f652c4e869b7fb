package com.tradethehype.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradethehype.gateway.support.GatewayTestResource;
import com.tradethehype.gateway.support.InjectStubs;
import com.tradethehype.gateway.support.StubServer.Reply;
import com.tradethehype.gateway.support.StubServices;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The digest mail's unsubscribe link works through the public door, without a sign-in. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class UnsubscribeLinkTest {

    @InjectStubs
    StubServices stubs;

    @AfterEach
    void reset() {
        stubs.reset();
    }

    @Test
    void aClickOnTheLinkIsForwardedWithItsTokenAndAnswersTheDigestPage() {
        stubs.digest.on("GET /unsubscribe", new Reply(200, "<h1>You are unsubscribed</h1>", java.time.Duration.ZERO));
        given().queryParam("token", "abc.def").when().get("/unsubscribe")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("You are unsubscribed"));
        given().queryParam("token", "abc.def").when().post("/unsubscribe").then().statusCode(200);
        var sent = stubs.digest.requests("GET", "/unsubscribe");
        assertEquals(2, sent.size());
        assertEquals("token=abc.def", sent.get(0).query());
    }

    @Test
    void aTamperedTokenStaysA400ProblemFromDigest() {
        stubs.digest.on("GET /unsubscribe", Reply.problem(400, "token is invalid or expired; use the link of a recent "
                + "digest mail"));
        given().queryParam("token", "forged").when().get("/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("invalid or expired")).body("status", equalTo(400));
    }
}
