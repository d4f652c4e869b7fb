package com.tradethehype.digest.mail;

import com.tradethehype.digest.config.DigestConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe tokens: {@code base64url(subscriberId.expiresEpochSecond).base64url(HMAC-SHA256)}.
 * A changed id, a changed expiry or a foreign key makes the signature fail; an old token expires.
 */
@Startup
@ApplicationScoped
public class UnsubscribeTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final DigestConfig.Mail config;
    private final byte[] key;
    private final Clock clock;

    @Inject
    public UnsubscribeTokens(DigestConfig config) {
        this(config.mail(), Clock.systemUTC());
    }

    UnsubscribeTokens(DigestConfig.Mail config, Clock clock) {
        this.config = config;
        this.clock = clock;
        String secret = config.unsubscribeSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException("digest.mail.unsubscribe-secret (environment TTH_UNSUBSCRIBE_SECRET) "
                        + "is not set: unsubscribe links cannot be signed. Set it to a long random string.");
            }
            secret = "dev-and-test-only-unsubscribe-key";
        }
        if (secret.length() < 16) {
            throw new IllegalStateException("digest.mail.unsubscribe-secret must be at least 16 characters long");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A token that unsubscribes {@code subscriberId} until the configured lifetime has passed. */
    public String issue(long subscriberId) {
        long expires = clock.instant().plus(config.unsubscribeTtl()).getEpochSecond();
        String payload = ENCODE.encodeToString((subscriberId + "." + expires).getBytes(StandardCharsets.US_ASCII));
        return payload + "." + ENCODE.encodeToString(sign(payload));
    }

    /** The subscriber {@code token} was issued for, or empty when it is malformed, tampered with or expired. */
    public OptionalLong verify(String token) {
        if (token == null || token.length() > 200) {
            return OptionalLong.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return OptionalLong.empty();
        }
        try {
            String payload = token.substring(0, dot);
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return OptionalLong.empty();
            }
            String[] parts = new String(DECODE.decode(payload), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 2 || Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(parts[0]));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
