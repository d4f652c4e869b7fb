package com.tradethehype.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.auth.AdminCredentials.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service token and the gateway's JWTs, as the internal services judge them. */
class AdminCredentialsTest {

    private static final String ISSUER = "https://tradethehype.local/gateway";
    private static final String TOKEN = "a-service-token-of-at-least-thirty-two-chars";

    private final SecretKey key = randomKey();
    private final AdminCredentials both = new AdminCredentials(Optional.of(TOKEN), Optional.of(key), ISSUER, "admin");

    @Test
    void acceptsTheServiceTokenAndRefusesAnyOther() {
        assertEquals(Verdict.ADMIN, both.check("Bearer " + TOKEN));
        assertEquals(Verdict.ADMIN, both.check("bearer " + TOKEN));
        assertEquals(Verdict.INVALID, both.check("Bearer " + TOKEN + "x"));
        assertEquals(Verdict.INVALID, both.check("Bearer " + TOKEN.substring(1)));
        assertEquals(Verdict.INVALID, both.check("Basic " + TOKEN));
        assertEquals(Verdict.MISSING, both.check(null));
        assertEquals(Verdict.MISSING, both.check("Bearer  "));
    }

    @Test
    void acceptsAnAdminJwtAndForbidsAUserOne() throws JoseException {
        assertEquals(Verdict.ADMIN, both.check("Bearer " + jwt(key, ISSUER, List.of("admin"), 600, "HS256")));
        assertEquals(Verdict.NOT_ADMIN, both.check("Bearer " + jwt(key, ISSUER, List.of("user"), 600, "HS256")));
        assertEquals(Verdict.NOT_ADMIN, both.check("Bearer " + jwt(key, ISSUER, null, 600, "HS256")));
    }

    @Test
    void refusesForgedExpiredOrForeignJwts() throws JoseException {
        assertEquals(Verdict.INVALID, both.check("Bearer " + jwt(randomKey(), ISSUER, List.of("admin"), 600, "HS256")));
        assertEquals(Verdict.INVALID, both.check("Bearer " + jwt(key, ISSUER, List.of("admin"), -120, "HS256")));
        assertEquals(Verdict.INVALID, both.check("Bearer " + jwt(key, "https://elsewhere", List.of("admin"), 600,
                "HS256")));
        assertEquals(Verdict.INVALID, both.check("Bearer " + jwt(key, ISSUER, List.of("admin"), 600, "HS512")));
        String unsigned = jwt(key, ISSUER, List.of("admin"), 600, "HS256");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertEquals(Verdict.INVALID, both.check("Bearer " + header + unsigned.substring(unsigned.indexOf('.'),
                unsigned.lastIndexOf('.') + 1)));
        assertEquals(Verdict.INVALID, both.check("Bearer not.a.jwt"));
    }

    @Test
    void acceptsNothingWithoutConfiguration() throws JoseException {
        var none = new AdminCredentials(Optional.empty(), Optional.empty(), ISSUER, "admin");
        assertFalse(none.acceptsAny());
        assertEquals(Verdict.INVALID, none.check("Bearer " + TOKEN));
        assertEquals(Verdict.INVALID, none.check("Bearer " + jwt(key, ISSUER, List.of("admin"), 600, "HS256")));
        var tokenOnly = new AdminCredentials(Optional.of(TOKEN), Optional.empty(), ISSUER, "admin");
        assertTrue(tokenOnly.acceptsAny());
        assertEquals(Verdict.INVALID, tokenOnly.check("Bearer " + jwt(key, ISSUER, List.of("admin"), 600, "HS256")));
    }

    @Test
    void readsTheGatewaysKeyFileAndRefusesAShortOne(@TempDir Path dir) throws IOException, JoseException {
        Path file = dir.resolve("jwt-key.jwk");
        Files.writeString(file, "{\"kty\":\"oct\",\"k\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(key.getEncoded()) + "\"}");
        var fromFile = new AdminCredentials(Optional.empty(), Optional.of(InternalAuth.load(file)), ISSUER, "admin");
        assertEquals(Verdict.ADMIN, fromFile.check("Bearer " + jwt(key, ISSUER, List.of("admin"), 600, "HS256")));

        Files.writeString(file, "{\"kty\":\"oct\",\"k\":\"c2hvcnQ\"}");
        var e = assertThrows(IllegalStateException.class, () -> InternalAuth.load(file));
        assertTrue(e.getMessage().contains("at least 256"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> InternalAuth.load(dir.resolve("missing.jwk")));
    }

    private static String jwt(SecretKey key, String issuer, List<String> groups, long secondsLeft, String alg)
            throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("42");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(secondsLeft / 60f);
        if (groups != null) {
            claims.setStringListClaim("groups", groups);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        // the right key under another algorithm: only the algorithm constraint can refuse it
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        jws.setAlgorithmHeaderValue(alg.equals("HS512") ? AlgorithmIdentifiers.HMAC_SHA512
                : AlgorithmIdentifiers.HMAC_SHA256);
        return jws.getCompactSerialization();
    }

    private static SecretKey randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
