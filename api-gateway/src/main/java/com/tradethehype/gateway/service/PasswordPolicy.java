package com.tradethehype.gateway.service;

import com.tradethehype.gateway.config.AuthConfig;
import com.tradethehype.web.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Length over composition rules (NIST SP 800-63B): long enough, at most bcrypt's 72 bytes so no part is silently
 * ignored, not one repeated character, and not the email's name.
 */
@ApplicationScoped
public class PasswordPolicy {

    static final int MAX_BYTES = 72;

    private final int minLength;

    public PasswordPolicy(AuthConfig config) {
        this.minLength = config.passwordMinLength();
    }

    /** Throws a 400 naming {@code password} when it breaks a rule; never echoes the password. */
    public void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new InvalidRequestException("password must be at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRequestException("password must be at most " + MAX_BYTES + " bytes");
        }
        if (password.codePoints().distinct().count() < 4) {
            throw new InvalidRequestException("password must use at least 4 different characters");
        }
        String name = email.substring(0, email.indexOf('@'));
        if (name.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(name)) {
            throw new InvalidRequestException("password must not contain the email address");
        }
    }
}
