package com.tradethehype.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.gateway.support.Accounts;
import com.tradethehype.gateway.support.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** No data without a valid token: every way a token can be wrong is a 401 problem, a user on an admin path a 403. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class TokenSecurityTest {

    private static final String ISSUER = "https://tradethehype.local/gateway";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void everyDataEndpointNeedsAToken() {
        for (String path : new String[] {"/api/signals", "/api/tickers/NVDA", "/api/digests/latest",
                "/api/digests/2026-11-30", "/api/status", "/api/articles", "/api/me", "/api/me/subscription",
                "/api/admin/sources", "/api/admin/accounts"}) {
            given().when().get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("detail", equalTo("a valid bearer token is required; sign in at POST /api/auth/login"));
        }
        given().contentType("application/json").body("{\"text\":\"Apple\"}").when().post("/api/extract")
                .then().statusCode(401);
        given().contentType("application/json").body("{\"texts\":[\"Apple\"]}").when().post("/api/score")
                .then().statusCode(401);
    }

    @Test
    void aValidTokenIsAccepted() {
        given().auth().oauth2(signed(key(), Instant.now().plusSeconds(300), "user", UUID.randomUUID()))
                .when().get("/api/signals").then().statusCode(200);
    }

    @Test
    void rejectsAnExpiredToken() {
        assertRejected(signed(key(), Instant.now().minusSeconds(120), "user", UUID.randomUUID()));
    }

    @Test
    void rejectsATamperedToken() {
        String token = Accounts.user();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user\"", "\"admin\"");
        String tampered = parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRejected(tampered);
        given().auth().oauth2(tampered).when().get("/api/admin/accounts").then().statusCode(401);
    }

    @Test
    void rejectsAnUnsignedAlgNoneToken() throws Exception {
        String token = Accounts.user();
        String payload = token.split("\\.")[1];
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(header + "." + payload + ".");
        assertRejected(header + "." + payload);
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        assertRejected(signed(new SecretKeySpec(other, "HmacSHA256"), Instant.now().plusSeconds(300), "admin",
                UUID.randomUUID()));
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        String token = Jwt.issuer("https://evil.example.com").subject(UUID.randomUUID().toString())
                .groups(Set.of("user")).expiresAt(Instant.now().plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.HS256).sign(key());
        assertRejected(token);
    }

    @Test
    void rejectsGarbageAndOtherSchemes() {
        assertRejected("not-a-jwt");
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").when().get("/api/signals").then().statusCode(401);
    }

    @Test
    void adminEndpointsRefuseUsers() {
        String user = Accounts.user();
        given().auth().oauth2(user).when().get("/api/admin/sources").then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo("this needs the admin role"));
        given().auth().oauth2(user).when().get("/api/admin/accounts").then().statusCode(403);
        String admin = Accounts.admin();
        given().auth().oauth2(admin).when().get("/api/admin/sources").then().statusCode(200)
                .body("find { it.name == 'sec-8k' }.lastError", equalTo("HTTP 503 from www.sec.gov"));
        given().auth().oauth2(admin).when().get("/api/admin/accounts").then().statusCode(200)
                .body("find { it.email == 'admin@example.com' }.passwordHash", equalTo(null));
    }

    private static void assertRejected(String token) {
        given().auth().oauth2(token).when().get("/api/signals").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    private static String signed(SecretKey key, Instant expires, String role, UUID subject) {
        return Jwt.issuer(ISSUER).subject(subject.toString()).upn("x@example.com").groups(Set.of(role))
                .issuedAt(expires.minusSeconds(3600)).expiresAt(expires)
                .jws().algorithm(SignatureAlgorithm.HS256).sign(key);
    }

    /** The key this test run's gateway verifies with (written by GatewayTestResource, never committed). */
    private static SecretKey key() {
        try {
            String file = ConfigProvider.getConfig().getValue("gateway.auth.key-file", String.class);
            var jwk = new ObjectMapper().readTree(Files.readString(Path.of(file)));
            return new SecretKeySpec(Base64.getUrlDecoder().decode(jwk.get("k").asText()), "HmacSHA256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
