package com.tradethehype.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How long to wait before the next attempt: exponential with jitter, or what the server asked for, capped. */
final class Backoff {

    private Backoff() {
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): {@code initial * 2^(attempt-1)}, up to 25% less at
     * random ({@code random} in [0,1)) so that sources failing together do not retry together; a server's
     * Retry-After (seconds or HTTP date) replaces it when longer. Never more than {@code max}.
     */
    static Duration delay(int attempt, Duration initial, Duration max, String retryAfter, double random) {
        long base = initial.toMillis() << Math.min(attempt - 1, 20);
        long jittered = (long) (base * (1 - 0.25 * random));
        long asked = retryAfterMillis(retryAfter);
        return Duration.ofMillis(Math.min(Math.max(jittered, asked), max.toMillis()));
    }

    static long retryAfterMillis(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String v = value.trim();
        try {
            return Math.max(0, Long.parseLong(v) * 1000);
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(Instant.now(), at).toMillis());
            } catch (DateTimeParseException unparsable) {
                return 0;
            }
        }
    }
}
