package com.tradethehype.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The service's {@link AdminCredentials}, built once at start-up: a configured but unreadable key file or a short
 * token stops the service with a message saying what to set; none configured leaves every change refused (and says so).
 */
@Startup
@Singleton
public class InternalAuth {

    static final int MIN_TOKEN_CHARS = 32;
    private static final int MIN_KEY_BYTES = 32;

    private final AdminCredentials credentials;

    public InternalAuth(InternalAuthConfig config) {
        Optional<String> token = config.serviceToken().map(String::trim).filter(t -> !t.isEmpty());
        if (token.isPresent() && token.get().length() < MIN_TOKEN_CHARS) {
            throw new IllegalStateException("tth.internal-auth.service-token (TTH_SERVICE_TOKEN) has "
                    + token.get().length() + " characters; use at least " + MIN_TOKEN_CHARS + " random ones");
        }
        Optional<SecretKey> key = config.jwtKeyFile().map(String::trim).filter(f -> !f.isEmpty())
                .map(f -> load(Path.of(f)));
        this.credentials = new AdminCredentials(token, key, config.jwtIssuer(), config.adminRole());
        if (credentials.acceptsAny()) {
            Log.infof("State-changing endpoints accept %s", token.isPresent() && key.isPresent()
                    ? "the service token or a gateway admin JWT" : token.isPresent() ? "the service token"
                    : "a gateway admin JWT");
        } else {
            Log.warn("No admin credential configured (TTH_SERVICE_TOKEN, TTH_JWT_KEY_FILE): every state-changing "
                    + "request will be refused with 401");
        }
    }

    public AdminCredentials credentials() {
        return credentials;
    }

    /** The HS256 key of an {@code oct} JWK file, as the gateway writes and reads it. */
    static SecretKey load(Path file) {
        String hint = "; TTH_JWT_KEY_FILE must name the gateway's oct JWK file";
        try {
            JsonWebKey jwk = JsonWebKey.Factory.newJwk(Files.readString(file));
            if (!(jwk instanceof OctetSequenceJsonWebKey oct)) {
                throw new IllegalStateException("JWT key file " + file + " is not an oct JWK" + hint);
            }
            byte[] secret = oct.getOctetSequence();
            if (secret.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("JWT key file " + file + " holds " + secret.length * 8
                        + " bits; HS256 needs at least 256" + hint);
            }
            return new SecretKeySpec(secret, "HmacSHA256");
        } catch (IOException e) {
            throw new IllegalStateException("JWT key file " + file + " cannot be read" + hint, e);
        } catch (JoseException e) {
            throw new IllegalStateException("JWT key file " + file + " is not a JSON Web Key" + hint, e);
        }
    }
}
