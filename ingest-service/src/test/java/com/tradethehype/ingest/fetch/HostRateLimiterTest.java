package com.tradethehype.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostRateLimiterTest {

    private static final long MS = 1_000_000;

    @Test
    void spacesRequestsToOneHostWhateverTheCallerAndLeavesOtherHostsAlone() {
        HostRateLimiter limiter = new HostRateLimiter(Duration.ofSeconds(1), Map.of(), true);
        assertEquals(0, limiter.reserve("feeds.example.com", 0));
        assertEquals(1000 * MS, limiter.reserve("feeds.example.com", 0));
        assertEquals(1500 * MS, limiter.reserve("FEEDS.example.com", 500 * MS));
        assertEquals(0, limiter.reserve("other.example.com", 500 * MS));
        assertEquals(0, limiter.reserve("feeds.example.com", 10_000 * MS), "a slot long past is free again");
    }

    @Test
    void loopbackIsExemptByDefaultAndOverridesWinPerHost() {
        HostRateLimiter limiter = new HostRateLimiter(Duration.ofSeconds(1),
                Map.of("www.sec.gov", Duration.ofMillis(100), "127.0.0.1", Duration.ofMillis(10)), true);
        assertEquals(0, limiter.reserve("localhost", 0));
        assertEquals(0, limiter.reserve("localhost", 0));
        assertEquals(10 * MS, limiter.reserve("127.0.0.1", 0) + limiter.reserve("127.0.0.1", 0));
        limiter.reserve("www.sec.gov", 0);
        assertEquals(100 * MS, limiter.reserve("www.sec.gov", 0));
        HostRateLimiter strict = new HostRateLimiter(Duration.ofSeconds(1), Map.of(), false);
        strict.reserve("127.0.0.1", 0);
        assertEquals(1000 * MS, strict.reserve("127.0.0.1", 0));
    }

    @Test
    void backoffDoublesWithJitterHonoursRetryAfterAndIsCapped() {
        Duration initial = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(1), Backoff.delay(1, initial, max, null, 0));
        assertEquals(Duration.ofSeconds(4), Backoff.delay(3, initial, max, null, 0));
        assertEquals(Duration.ofSeconds(3), Backoff.delay(3, initial, max, null, 1), "up to a quarter less");
        assertEquals(Duration.ofSeconds(12), Backoff.delay(1, initial, max, "12", 0));
        assertEquals(max, Backoff.delay(1, initial, max, "3600", 0));
        assertEquals(max, Backoff.delay(30, initial, max, null, 0));
        assertEquals(Duration.ofSeconds(1), Backoff.delay(1, initial, max, "soon", 0));
    }
}
