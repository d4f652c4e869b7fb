package com.tradethehype.ingest.poll;

import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.fetch.HostRateLimiter;
import com.tradethehype.ingest.source.SourceCatalog;
import com.tradethehype.ingest.source.SourceStates;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every {@code ingest.poll-interval}, polls each enabled source that is due, {@code ingest.poll-concurrency} at a
 * time (requests to one host are still spaced by {@link HostRateLimiter}). A source with its own, longer
 * {@code interval} is skipped until that much time has passed, to the nearest tick.
 */
@ApplicationScoped
public class PollScheduler {

    private final SourceCatalog catalog;
    private final SourcePoller poller;
    private final SourceStates states;
    private final Duration tick;
    private final ExecutorService pool;

    public PollScheduler(SourceCatalog catalog, SourcePoller poller, SourceStates states, IngestConfig config) {
        this.catalog = catalog;
        this.poller = poller;
        this.states = states;
        this.tick = config.pollInterval();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.pollConcurrency()), runnable -> {
            Thread thread = new Thread(runnable, "ingest-poll-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(identity = "poll-sources", every = "${ingest.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTick() {
        pollDue(Instant.now());
    }

    /** Polls the enabled sources due at {@code now}; one failing never stops the rest. */
    public List<PollResult> pollDue(Instant now) {
        return pollAll(catalog.enabled().stream()
                .filter(s -> isDue(states.of(s.name()).lastPolledAt(), now, s.interval().orElse(tick), tick)).toList());
    }

    /** Polls {@code sources} in parallel and returns their results in the same order. */
    public List<PollResult> pollAll(List<Source> sources) {
        List<Future<PollResult>> futures = new ArrayList<>();
        for (Source source : sources) {
            futures.add(pool.submit(() -> poller.poll(source)));
        }
        List<PollResult> results = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (ExecutionException e) {
                Log.errorf(e.getCause(), "Polling source %s failed unexpectedly", sources.get(i).name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Log.warnf("Poll cycle interrupted after %d of %d sources", i, sources.size());
                break;
            }
        }
        return results;
    }

    /** Due when never polled, or when {@code interval} has passed give or take half a tick of timer jitter. */
    static boolean isDue(Instant lastPolled, Instant now, Duration interval, Duration tick) {
        return lastPolled == null || Duration.between(lastPolled, now).plus(tick.dividedBy(2)).compareTo(interval) >= 0;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
