package com.tradethehype.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.gateway.support.Accounts;
import com.tradethehype.gateway.support.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What a browser and the network see: CORS, security headers, size limits, and what never reaches the log. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class WebProtectionTest {

    private static final String ALLOWED = "https://dashboard.example.com";

    @Test
    void corsAnswersOnlyTheConfiguredOrigin() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization")
                .when().options("/api/signals")
                .then().statusCode(200).header("Access-Control-Allow-Origin", ALLOWED);
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .when().options("/api/signals")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.com").auth().oauth2(Accounts.user())
                .when().get("/api/signals")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/", "/api/signals", "/app.js"}) {
            given().when().get(path).then()
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer");
        }
        given().auth().oauth2(Accounts.user()).when().get("/api/signals").then().header("Cache-Control", "no-store");
    }

    @Test
    void refusesBodiesOver64KiB() {
        String huge = "{\"email\":\"a@example.com\",\"password\":\"" + "x".repeat(70_000) + "\"}";
        given().contentType("application/json").body(huge).when().post("/api/auth/login").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413))
                .body("detail", equalTo("the request body is larger than 65536 bytes"));
    }

    @Test
    void aPasswordTooLongForTheFieldIsA400() {
        Accounts.register(Accounts.newEmail(), "y".repeat(201)).then().statusCode(400)
                .body("detail", equalTo("password size must be between 0 and 200"));
    }

    @Test
    void passwordsAndTokensNeverReachTheLog() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (record.getParameters() != null) {
                    message = message + " " + java.util.Arrays.toString(record.getParameters());
                }
                lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String password = "Sup3r-secret-passphrase-" + System.nanoTime();
            String email = Accounts.newEmail();
            String token = Accounts.register(email, password).then().statusCode(201).extract().path("token");
            Accounts.login(email, password, Accounts.freshIp()).then().statusCode(200);
            Accounts.login(email, password + "x", Accounts.freshIp()).then().statusCode(401);
            given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
            given().auth().oauth2(token + "x").when().get("/api/me").then().statusCode(401);
            assertFalse(lines.isEmpty(), "the capture saw the gateway's log (access log is on in tests)");
            String signature = token.substring(token.lastIndexOf('.') + 1);
            for (String line : lines) {
                assertFalse(line.contains(password), "password in log: " + line);
                assertFalse(line.contains(signature), "token in log: " + line);
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains("/api/me")), "access log lines were captured");
        } finally {
            root.removeHandler(capture);
        }
    }
}
