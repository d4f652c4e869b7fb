package com.tradethehype.gateway.security;

import com.tradethehype.gateway.config.LimitConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The gateway's limiters: login/register per IP, failed logins per account, tool calls per account. */
@ApplicationScoped
public class RateLimits {

    private final SlidingWindowLimiter perIp;
    private final SlidingWindowLimiter failuresPerAccount;
    private final SlidingWindowLimiter toolsPerAccount;

    public RateLimits(LimitConfig config) {
        Clock clock = Clock.systemUTC();
        perIp = new SlidingWindowLimiter(config.ipAttempts(), config.ipWindow(), clock);
        failuresPerAccount = new SlidingWindowLimiter(config.accountFailures(), config.accountWindow(), clock);
        toolsPerAccount = new SlidingWindowLimiter(config.toolCalls(), config.toolWindow(), clock);
    }

    /** Counts a login or register attempt from {@code ip}, or throws if that address has made too many. */
    public void attemptFromIp(String ip) {
        refuseIfBlocked(perIp.blockedFor(ip), "too many sign-in attempts from this address; try again later");
        perIp.record(ip);
    }

    /** Throws if {@code email} has failed to sign in too often lately (checked before the password is). */
    public void checkAccount(String email) {
        refuseIfBlocked(failuresPerAccount.blockedFor(email),
                "too many failed sign-ins for this account; try again later");
    }

    public void loginFailed(String email) {
        failuresPerAccount.record(email);
    }

    public void loginSucceeded(String email) {
        failuresPerAccount.clear(email);
    }

    /** Counts a call to a text tool (extract, score) by account {@code subject}, or throws past the limit. */
    public void toolCall(String subject) {
        refuseIfBlocked(toolsPerAccount.blockedFor(subject), "too many text-tool calls; try again shortly");
        toolsPerAccount.record(subject);
    }

    private static void refuseIfBlocked(Optional<Duration> wait, String detail) {
        if (wait.isPresent()) {
            throw new RateLimitedException(detail, wait.get());
        }
    }
}
