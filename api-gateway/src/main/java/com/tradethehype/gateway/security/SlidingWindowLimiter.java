package com.tradethehype.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key over a sliding window, in memory: enough for one gateway instance, and a restart forgets
 * (a login attacker gains one fresh window per restart, not a bypass).
 */
public final class SlidingWindowLimiter {

    private static final int PRUNE_EVERY = 1024;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();
    private int recordsSincePrune;

    public SlidingWindowLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code key} must wait before its next event is allowed; empty if it may go now. */
    public Optional<Duration> blockedFor(String key) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant now = clock.instant();
            dropExpired(times, now);
            if (times.size() < max) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    /** Counts one event for {@code key} now. */
    public void record(String key) {
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            dropExpired(times, now);
            times.addLast(now);
        }
        if (++recordsSincePrune >= PRUNE_EVERY) {
            recordsSincePrune = 0;
            prune();
        }
    }

    /** Forgets {@code key}'s events (a successful login clears that account's failures). */
    public void clear(String key) {
        events.remove(key);
    }

    private void prune() {
        Instant now = clock.instant();
        events.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                dropExpired(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private void dropExpired(Deque<Instant> times, Instant now) {
        Instant oldestKept = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
            times.removeFirst();
        }
    }
}
