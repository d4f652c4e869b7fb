package com.tradethehype.ingest.fetch;

import com.tradethehype.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps requests to one host at least {@code ingest.rate-limit.per-host} apart, however many sources and poll
 * threads share the host: each caller reserves the next free slot, then waits for it outside the lock. Loopback
 * hosts are exempt by default (a local replay server is ours to hammer).
 */
@ApplicationScoped
public class HostRateLimiter {

    private final Duration perHost;
    private final Map<String, Duration> overrides = new HashMap<>();
    private final boolean exemptLoopback;
    private final Map<String, Long> nextSlot = new HashMap<>();

    @Inject
    public HostRateLimiter(IngestConfig config) {
        this(config.rateLimit().perHost(), config.rateLimit().hosts(), config.rateLimit().exemptLoopback());
    }

    HostRateLimiter(Duration perHost, Map<String, Duration> overrides, boolean exemptLoopback) {
        this.perHost = perHost;
        overrides.forEach((host, spacing) -> this.overrides.put(host.toLowerCase(Locale.ROOT), spacing));
        this.exemptLoopback = exemptLoopback;
    }

    /** Waits until a request to {@code host} is allowed, and claims that slot. */
    public void acquire(String host) throws InterruptedException {
        long wait = reserve(host, System.nanoTime());
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Claims the next slot for {@code host} at time {@code now} (nanoseconds); returns how long to wait for it. */
    synchronized long reserve(String host, long now) {
        String key = host == null ? "" : host.toLowerCase(Locale.ROOT);
        long spacing = spacing(key).toNanos();
        if (spacing <= 0) {
            return 0;
        }
        long slot = Math.max(now, nextSlot.getOrDefault(key, now));
        nextSlot.put(key, slot + spacing);
        return slot - now;
    }

    Duration spacing(String host) {
        Duration override = overrides.get(host);
        if (override != null) {
            return override;
        }
        return exemptLoopback && isLoopback(host) ? Duration.ZERO : perHost;
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
