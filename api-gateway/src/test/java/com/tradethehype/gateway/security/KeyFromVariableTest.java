package com.tradethehype.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradethehype.gateway.support.Accounts;
import com.tradethehype.gateway.support.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On ECS the signing key arrives as the variable TTH_JWT_KEY: the gateway signs and verifies with it. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(KeyFromVariableTest.KeyAsVariable.class)
class KeyFromVariableTest {

    static final String JWK = GatewayTestResource.jwk();
    static final Path KEY_FILE;

    static {
        try {
            KEY_FILE = Files.createTempDirectory("tth-key-var").resolve("not-yet/jwt-key.jwk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class KeyAsVariable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.auth.key", JWK, "gateway.auth.key-file", KEY_FILE.toString());
        }
    }

    @Test
    void tokensSignedWithTheKeyFromTheVariableAreAccepted() throws Exception {
        assertEquals(JWK, Files.readString(KEY_FILE), "the variable's key is where SmallRye JWT reads it");
        String token = Accounts.user();
        given().auth().oauth2(token).when().get("/api/me/subscription").then().statusCode(200);
        given().auth().oauth2(token + "x").when().get("/api/me/subscription").then().statusCode(401);
    }
}
