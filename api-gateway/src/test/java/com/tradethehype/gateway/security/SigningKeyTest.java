package com.tradethehype.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.gateway.support.GatewayTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway refuses to start on a key it cannot trust, and says what to set. */
class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void readsAnOctJwkOf256Bits() throws Exception {
        Path file = Files.writeString(dir.resolve("k.jwk"), GatewayTestResource.jwk());
        assertEquals(32, SigningKey.load(file, new ObjectMapper()).getEncoded().length);
    }

    @Test
    void aKeyGivenAsAVariableIsWrittenOwnerOnlyOverWhatTheFileHeld() throws Exception {
        Path file = Files.writeString(dir.resolve("old.jwk"), GatewayTestResource.jwk());
        String jwk = GatewayTestResource.jwk();
        SigningKey.materialise(jwk + "\n", file);
        assertEquals(jwk, Files.readString(file));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, SigningKey.load(file, new ObjectMapper()).getEncoded().length);
        SigningKey.materialise(jwk, dir.resolve("fresh/dir/key.jwk"));
        assertEquals(jwk, Files.readString(dir.resolve("fresh/dir/key.jwk")));
    }

    @Test
    void refusesAMissingFileNamingTheVariable() {
        var e = assertThrows(IllegalStateException.class,
                () -> SigningKey.load(dir.resolve("missing.jwk"), new ObjectMapper()));
        assertTrue(e.getMessage().contains("cannot be read") && e.getMessage().contains("TTH_JWT_KEY_FILE"), e.getMessage());
    }

    @Test
    void refusesAKeyThatIsNotOct() throws Exception {
        Path file = Files.writeString(dir.resolve("rsa.jwk"), "{\"kty\":\"RSA\",\"n\":\"abc\",\"e\":\"AQAB\"}");
        var e = assertThrows(IllegalStateException.class, () -> SigningKey.load(file, new ObjectMapper()));
        assertTrue(e.getMessage().contains("is not an oct JWK"), e.getMessage());
    }

    @Test
    void refusesAShortSecret() throws Exception {
        Path file = Files.writeString(dir.resolve("short.jwk"), "{\"kty\":\"oct\",\"k\":\"c2hvcnQ\"}");
        var e = assertThrows(IllegalStateException.class, () -> SigningKey.load(file, new ObjectMapper()));
        assertTrue(e.getMessage().contains("holds 40 bits; HS256 needs at least 256"), e.getMessage());
    }
}
