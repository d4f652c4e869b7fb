package com.tradethehype.gateway.rest;

import static com.tradethehype.gateway.support.Accounts.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.gateway.support.Accounts;
import com.tradethehype.gateway.support.GatewayTestResource;
import com.tradethehype.gateway.support.InjectStubs;
import com.tradethehype.gateway.support.StubServices;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class AuthResourceTest {

    @InjectStubs
    StubServices stubs;

    @AfterEach
    void resetStubs() {
        stubs.reset();
    }

    @Test
    void registeringCreatesAnOptedInSubscriberAndAnswersAWorkingToken() throws Exception {
        String email = Accounts.newEmail();
        String token = Accounts.register(email, PASSWORD).then().statusCode(201)
                .body("tokenType", equalTo("Bearer"))
                .body("email", equalTo(email))
                .body("role", equalTo("user"))
                .body("expiresAt", notNullValue())
                .extract().path("token");

        var posts = stubs.digest.requests("POST", "/subscribers");
        assertEquals(1, posts.size());
        assertEquals("Bearer " + GatewayTestResource.SERVICE_TOKEN, posts.get(0).headers().get("authorization"),
                "subscriber changes carry the service token digest-service asks for");
        var sent = new ObjectMapper().readTree(posts.get(0).body());
        assertEquals(email, sent.get("email").asText());
        assertTrue(sent.get("active").asBoolean());
        assertEquals(0, sent.get("watchlist").size());

        given().auth().oauth2(token).when().get("/api/me")
                .then().statusCode(200).body("email", equalTo(email)).body("role", equalTo("user"));
    }

    @Test
    void emailsAreStoredLowerCaseAndSignInIgnoresCase() {
        String email = Accounts.newEmail();
        Accounts.register("  " + email.toUpperCase() + " ", PASSWORD).then().statusCode(201).body("email", equalTo(email));
        Accounts.login(email.toUpperCase(), PASSWORD, Accounts.freshIp()).then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void rejectsAnInvalidEmailNamingTheField() {
        for (String bad : new String[] {"not-an-email", "a@b", "two@@example.com", "x@example..com", ""}) {
            Accounts.register(bad, PASSWORD).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", equalTo("email must be an address such as trader@example.com"));
        }
        assertTrue(stubs.digest.requests("POST", "/subscribers").isEmpty(), "nothing reached digest-service");
    }

    @Test
    void rejectsWeakPasswordsNamingTheRule() {
        String email = Accounts.newEmail();
        Accounts.register(email, "short1").then().statusCode(400)
                .body("detail", equalTo("password must be at least 10 characters"));
        Accounts.register(email, "aaaaaaaaaaaa").then().statusCode(400)
                .body("detail", equalTo("password must use at least 4 different characters"));
        Accounts.register(email, "x".repeat(40) + "ünïcödé".repeat(5)).then().statusCode(400)
                .body("detail", equalTo("password must be at most 72 bytes"));
        Accounts.register(email, email.substring(0, email.indexOf('@')) + "!2024").then().statusCode(400)
                .body("detail", equalTo("password must not contain the email address"));
        Accounts.register(email, PASSWORD).then().statusCode(201);
    }

    @Test
    void rejectsAMissingBodyOrField() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/auth/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("email must not be null; password must not be null"));
        given().contentType(ContentType.JSON).when().post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aSecondAccountForTheSameEmailIsAConflict() {
        String email = Accounts.newEmail();
        Accounts.register(email, PASSWORD).then().statusCode(201);
        Accounts.register(email, "another password 2").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("an account with this email already exists"));
    }

    @Test
    void adoptsTheSubscriberDigestAlreadyHasForTheEmail() {
        String email = Accounts.newEmail();
        String existing = stubs.addSubscriber(email);
        String token = Accounts.register(email, PASSWORD).then().statusCode(201).extract().path("token");
        given().auth().oauth2(token).when().get("/api/me/subscription")
                .then().statusCode(200).body("id", equalTo(Integer.parseInt(existing)));
    }

    @Test
    void registeringWhileDigestIsDownIs503AndCreatesNoAccount() {
        String email = Accounts.newEmail();
        stubs.digest.down(true);
        Accounts.register(email, PASSWORD).then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("digest-service is unavailable; try again shortly"));
        stubs.digest.down(false);
        Accounts.login(email, PASSWORD, Accounts.freshIp()).then().statusCode(401);
        Accounts.register(email, PASSWORD).then().statusCode(201);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = Accounts.newEmail();
        Accounts.register(email, PASSWORD).then().statusCode(201);
        String wrong = Accounts.login(email, "wrong password 1", Accounts.freshIp()).then().statusCode(401)
                .contentType("application/problem+json").extract().path("detail");
        String unknown = Accounts.login(Accounts.newEmail(), PASSWORD, Accounts.freshIp()).then().statusCode(401)
                .extract().path("detail");
        assertEquals("email or password is wrong", wrong);
        assertEquals(wrong, unknown);
    }

    @Test
    void locksAnAccountAfterFiveFailuresEvenFromManyAddresses() {
        String email = Accounts.newEmail();
        Accounts.register(email, PASSWORD).then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            Accounts.login(email, "wrong password " + i, Accounts.freshIp()).then().statusCode(401);
        }
        String retryAfter = Accounts.login(email, PASSWORD, Accounts.freshIp()).then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", equalTo("too many failed sign-ins for this account; try again later"))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 800 && seconds <= 900, "about 15 minutes, was " + seconds);
        Accounts.login(Accounts.newEmail(), PASSWORD, Accounts.freshIp()).then().statusCode(401);
    }

    @Test
    void limitsSignInAttemptsPerAddress() {
        String ip = Accounts.freshIp();
        String email = Accounts.newEmail();
        Accounts.register(email, PASSWORD).then().statusCode(201);
        for (int i = 0; i < 20; i++) {
            Accounts.login(i % 2 == 0 ? email : Accounts.newEmail(), i % 2 == 0 ? PASSWORD : "nope nope 1", ip)
                    .then().statusCode(i % 2 == 0 ? 200 : 401);
        }
        String retryAfter = Accounts.login(email, PASSWORD, ip).then().statusCode(429)
                .body("detail", equalTo("too many sign-in attempts from this address; try again later"))
                .extract().header("Retry-After");
        assertNotNull(retryAfter);
        assertTrue(Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 60);
        Accounts.login(email, PASSWORD, Accounts.freshIp()).then().statusCode(200);
    }

    @Test
    void theAdminEmailGetsTheAdminRole() {
        String token = Accounts.admin();
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200).body("role", equalTo("admin"));
    }

    @Test
    void deletingTheAccountRemovesItsSubscriberAndItsSignIn() {
        String email = Accounts.newEmail();
        String token = Accounts.register(email, PASSWORD).then().statusCode(201).extract().path("token");
        String subscriber = stubs.subscriberByEmail(email).get("id").asText();

        given().auth().oauth2(token).when().delete("/api/me").then().statusCode(204);

        var deletes = stubs.digest.requests("DELETE", "/subscribers/" + subscriber);
        assertEquals(1, deletes.size());
        assertEquals("Bearer " + GatewayTestResource.SERVICE_TOKEN, deletes.get(0).headers().get("authorization"));
        assertNull(stubs.subscriberByEmail(email));
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401)
                .body("detail", equalTo("this account no longer exists"));
        Accounts.login(email, PASSWORD, Accounts.freshIp()).then().statusCode(401);
    }

    @Test
    void deletingWhileDigestIsDownKeepsTheAccountToRetry() {
        String email = Accounts.newEmail();
        String token = Accounts.register(email, PASSWORD).then().statusCode(201).extract().path("token");
        stubs.digest.down(true);
        given().auth().oauth2(token).when().delete("/api/me").then().statusCode(503)
                .body("detail", equalTo("digest-service is unavailable; try again shortly"));
        stubs.digest.down(false);
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
        given().auth().oauth2(token).when().delete("/api/me").then().statusCode(204);
    }

    @Test
    void aMalformedJsonBodyIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"email\": ").when().post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("email", 5, "password", true)).when().post("/api/auth/login")
                .then().statusCode(401);
    }
}
