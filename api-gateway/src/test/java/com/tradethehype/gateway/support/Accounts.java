package com.tradethehype.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Registers and signs in test accounts, each from its own documentation-range IP so the per-IP limit stays out of the way. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";
    public static final String ADMIN_EMAIL = "admin@example.com";

    private static final AtomicInteger NEXT_IP = new AtomicInteger();

    private Accounts() {
    }

    public static String newEmail() {
        return "trader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /**
     * A fresh documentation-range address (TEST-NET-2/3), sent as X-Forwarded-For: the test profile trusts that
     * header (production does not by default), so each test is its own client for the per-IP limit.
     */
    public static String freshIp() {
        int n = NEXT_IP.getAndIncrement();
        return (n < 254 ? "198.51.100." : "203.0.113.") + (n % 254 + 1);
    }

    public static Response register(String email, String password) {
        return given().header("X-Forwarded-For", ip()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).when().post("/api/auth/register");
    }

    public static Response login(String email, String password, String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).when().post("/api/auth/login");
    }

    /** A new user's token. */
    public static String user() {
        return register(newEmail(), PASSWORD).then().statusCode(201).extract().path("token");
    }

    /** The admin's token (the test profile names {@value #ADMIN_EMAIL} in gateway.auth.admin-emails). */
    public static String admin() {
        Response registered = register(ADMIN_EMAIL, PASSWORD);
        if (registered.statusCode() == 201) {
            return registered.path("token");
        }
        return login(ADMIN_EMAIL, PASSWORD, ip()).then().statusCode(200).extract().path("token");
    }

    private static String ip() {
        return freshIp();
    }
}
