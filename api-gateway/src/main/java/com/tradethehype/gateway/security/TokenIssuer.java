package com.tradethehype.gateway.security;

import com.tradethehype.gateway.Account;
import com.tradethehype.gateway.config.AuthConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/** Signs the tokens register and login hand out: subject = account id, upn = email, groups = the role. */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKey key;
    private final AuthConfig config;

    public TokenIssuer(SigningKey key, AuthConfig config) {
        this.key = key;
        this.config = config;
    }

    public IssuedToken issue(Account account, String role) {
        Instant now = Instant.now();
        Instant expires = now.plus(config.tokenLifetime());
        String token = Jwt.issuer(config.issuer())
                .subject(account.id().toString())
                .upn(account.email())
                .groups(Set.of(role))
                .issuedAt(now)
                .expiresAt(expires)
                .jws().algorithm(SignatureAlgorithm.HS256)
                .sign(key.key());
        return new IssuedToken(token, expires, role);
    }

    /** A signed token, when it expires and the role it carries. */
    public record IssuedToken(String token, Instant expiresAt, String role) {
    }
}
