package com.tradethehype.digest;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Requests with the credentials the %test profile accepts: its service token, or a JWT signed with its key. */
public final class AdminRequests {

    /** {@code %test.tth.internal-auth.service-token}. */
    public static final String SERVICE_TOKEN = "digest-test-service-token-0123456789abcdef";

    private AdminRequests() {
    }

    /** A request carrying the service token. */
    public static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + SERVICE_TOKEN);
    }

    /** A gateway-style JWT with {@code role} in its groups, signed with the test key. */
    public static String jwt(String role) {
        try (InputStream in = AdminRequests.class.getResourceAsStream("/internal-auth/jwt-key.jwk")) {
            JsonWebKey key = JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            JwtClaims claims = new JwtClaims();
            claims.setIssuer("https://tradethehype.local/gateway");
            claims.setSubject("7");
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(10);
            claims.setStringListClaim("groups", List.of(role));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getKey());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            return jws.getCompactSerialization();
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("test JWT key", e);
        }
    }
}
