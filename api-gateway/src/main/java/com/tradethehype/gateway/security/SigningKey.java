package com.tradethehype.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.gateway.config.AuthConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key tokens are signed with, read once at start-up from the {@code oct} JWK file SmallRye JWT verifies
 * with (written there first when the key comes as the variable TTH_JWT_KEY, as on ECS); a missing, unreadable or
 * short key stops the gateway with a message saying what to set.
 */
@Startup
@ApplicationScoped
public class SigningKey {

    private static final int MIN_BYTES = 32;

    private final SecretKey key;

    public SigningKey(AuthConfig config, ObjectMapper json) {
        Path file = Path.of(config.keyFile());
        config.key().ifPresent(jwk -> materialise(jwk, file));
        this.key = load(file, json);
    }

    /** Writes the JWK given as a variable to {@code file} (owner read/write only), replacing what was there. */
    static void materialise(String jwk, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, ".jwt-key", ".tmp");
            if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(partial, jwk.strip());
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("TTH_JWT_KEY is set but cannot be written to TTH_JWT_KEY_FILE " + file
                    + " (" + e.getClass().getSimpleName() + "); point TTH_JWT_KEY_FILE at a writable path such as "
                    + "/tmp/jwt-key.jwk");
        }
    }

    public SecretKey key() {
        return key;
    }

    static SecretKey load(Path file, ObjectMapper json) {
        String hint = "; set TTH_JWT_KEY_FILE to a file holding {\"kty\":\"oct\",\"k\":\"<base64url of >= 32 random "
                + "bytes>\"} (./tth run makes one in .tth/)";
        JsonNode jwk;
        try {
            jwk = json.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("JWT key file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + ")" + hint);
        }
        if (jwk == null || !"oct".equals(jwk.path("kty").asText()) || !jwk.hasNonNull("k")) {
            throw new IllegalStateException("JWT key file " + file + " is not an oct JWK" + hint);
        }
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(jwk.get("k").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("JWT key file " + file + ": k is not base64url" + hint);
        }
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("JWT key file " + file + " holds " + secret.length * 8
                    + " bits; HS256 needs at least 256" + hint);
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }
}
