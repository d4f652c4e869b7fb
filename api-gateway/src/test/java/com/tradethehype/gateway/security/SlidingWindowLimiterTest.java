package com.tradethehype.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The window slides: the wait is until the oldest counted event leaves it, and then one more is allowed. */
class SlidingWindowLimiterTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void blocksPastTheLimitUntilTheOldestEventLeavesTheWindow() {
        var limiter = new SlidingWindowLimiter(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.blockedFor("ip").isEmpty());
            limiter.record("ip");
            now = now.plusSeconds(10);
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), limiter.blockedFor("ip"));
        assertTrue(limiter.blockedFor("other").isEmpty(), "keys are counted apart");
        now = now.plusSeconds(30);
        assertTrue(limiter.blockedFor("ip").isEmpty());
    }

    @Test
    void clearingForgetsAKey() {
        var limiter = new SlidingWindowLimiter(1, Duration.ofMinutes(15), clock);
        limiter.record("a@example.com");
        assertTrue(limiter.blockedFor("a@example.com").isPresent());
        limiter.clear("a@example.com");
        assertTrue(limiter.blockedFor("a@example.com").isEmpty());
    }
}
