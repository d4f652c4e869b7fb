package com.tradethehype.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Accounts and tokens: who is an admin, how long a token lives, how hard a password is to guess. */
@ConfigMapping(prefix = "gateway.auth")
public interface AuthConfig {

    /** File holding the HS256 signing key as an {@code oct} JWK (TTH_JWT_KEY_FILE); never committed. */
    String keyFile();

    /**
     * The {@code oct} JWK itself (TTH_JWT_KEY), for platforms that hand secrets over as variables (ECS): written to
     * {@link #keyFile()} at start, owner-only, where SmallRye JWT reads it; unset means the file already holds it.
     */
    Optional<String> key();

    /** The {@code iss} of the tokens this gateway signs and the only issuer it accepts. */
    @WithDefault("https://tradethehype.local/gateway")
    String issuer();

    /** How long a token from register/login stays valid. */
    @WithDefault("8h")
    Duration tokenLifetime();

    /** Accounts with these emails get the {@code admin} role when they sign in (TTH_ADMIN_EMAILS). */
    Optional<List<String>> adminEmails();

    /** Shortest password accepted, in characters. */
    @WithDefault("10")
    int passwordMinLength();

    /** bcrypt cost factor (2^cost rounds); 10 measured 148 ms per hash on the busy 2-core dev VM. */
    @WithDefault("10")
    int bcryptCost();
}
