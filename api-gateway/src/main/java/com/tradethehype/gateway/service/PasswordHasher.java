package com.tradethehype.gateway.service;

import com.tradethehype.gateway.config.AuthConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** bcrypt (Modular Crypt Format, salted per hash); checks an unknown email against a dummy hash to keep timing flat. */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(AuthConfig config) {
        this.cost = config.bcryptCost();
        this.dummyHash = BcryptUtil.bcryptHash("no account has this password", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Whether {@code password} matches {@code hash}; a null hash is compared with a dummy and never matches. */
    public boolean matches(String password, String hash) {
        boolean match = BcryptUtil.matches(password, hash == null ? dummyHash : hash);
        return hash != null && match;
    }
}
