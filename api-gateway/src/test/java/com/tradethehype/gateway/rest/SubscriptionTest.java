package com.tradethehype.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.gateway.support.Accounts;
import com.tradethehype.gateway.support.GatewayTestResource;
import com.tradethehype.gateway.support.InjectStubs;
import com.tradethehype.gateway.support.StubServices;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET/PUT /api/me/subscription: the digest subscriber behind the account. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class SubscriptionTest {

    @InjectStubs
    StubServices stubs;

    @AfterEach
    void resetStubs() {
        stubs.reset();
    }

    @Test
    void aNewAccountIsOptedInWithAnEmptyWatchlist() {
        given().auth().oauth2(Accounts.user()).when().get("/api/me/subscription")
                .then().statusCode(200).body("active", equalTo(true)).body("watchlist", empty());
    }

    @Test
    void updatesTheWatchlistUpperCasedWithoutDuplicatesAndCanOptOut() throws Exception {
        String email = Accounts.newEmail();
        String token = Accounts.register(email, Accounts.PASSWORD).then().statusCode(201).extract().path("token");
        String id = stubs.subscriberByEmail(email).get("id").asText();

        given().auth().oauth2(token).contentType("application/json")
                .body("{\"active\":false,\"watchlist\":[\"nvda\",\"BRK.B\",\"NVDA\"]}")
                .when().put("/api/me/subscription")
                .then().statusCode(200).body("active", equalTo(false)).body("watchlist", contains("NVDA", "BRK.B"));

        var put = stubs.digest.requests("PUT", "/subscribers/" + id);
        assertEquals(1, put.size());
        assertEquals("Bearer " + GatewayTestResource.SERVICE_TOKEN, put.get(0).headers().get("authorization"));
        assertEquals(new ObjectMapper().readTree("{\"active\":false,\"watchlist\":[\"NVDA\",\"BRK.B\"]}"),
                new ObjectMapper().readTree(put.get(0).body()));
        given().auth().oauth2(token).when().get("/api/me/subscription")
                .then().statusCode(200).body("active", equalTo(false)).body("watchlist", contains("NVDA", "BRK.B"));
    }

    @Test
    void rejectsAnInvalidSubscriptionNamingTheField() {
        String token = Accounts.user();
        given().auth().oauth2(token).contentType("application/json").body("{\"active\":true,\"watchlist\":[\"<b>\"]}")
                .when().put("/api/me/subscription").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("watchlist[0] must hold stock symbols such as MSFT or BRK.B"));
        given().auth().oauth2(token).contentType("application/json").body("{\"watchlist\":[]}")
                .when().put("/api/me/subscription").then().statusCode(400)
                .body("detail", equalTo("active must be true or false"));
        given().auth().oauth2(token).contentType("application/json").body("{\"active\":true}")
                .when().put("/api/me/subscription").then().statusCode(400)
                .body("detail", equalTo("watchlist must be a list of symbols, possibly empty"));
        assertEquals(0, stubs.digest.requests().stream().filter(r -> r.method().equals("PUT")).count());
    }

    @Test
    void aSubscriptionReadWhileDigestIsDownIs503() {
        String token = Accounts.user();
        stubs.digest.down(true);
        given().auth().oauth2(token).when().get("/api/me/subscription").then().statusCode(503)
                .body("detail", equalTo("digest-service is unavailable; try again shortly"));
    }
}
