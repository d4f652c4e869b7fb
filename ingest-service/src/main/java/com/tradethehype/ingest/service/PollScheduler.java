package com.tradethehype.ingest.service;

import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code ingest.poll-interval}, polls each enabled source that is due. A source with its own, longer
 * {@code interval} is skipped until that much time has passed, to the nearest tick.
 */
@ApplicationScoped
public class PollScheduler {

    private final SourceCatalog catalog;
    private final SourcePoller poller;
    private final SourceStates states;
    private final Duration tick;

    public PollScheduler(SourceCatalog catalog, SourcePoller poller, SourceStates states, IngestConfig config) {
        this.catalog = catalog;
        this.poller = poller;
        this.states = states;
        this.tick = config.pollInterval();
    }

    @Scheduled(identity = "poll-sources", every = "${ingest.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTick() {
        pollDue(Instant.now());
    }

    /** Polls the enabled sources due at {@code now}, one after another; one failing never stops the rest. */
    public List<PollResult> pollDue(Instant now) {
        List<PollResult> results = new ArrayList<>();
        for (Source source : catalog.enabled()) {
            if (isDue(states.of(source.name()).lastPolledAt(), now, source.interval().orElse(tick), tick)) {
                try {
                    results.add(poller.poll(source));
                } catch (RuntimeException e) {
                    Log.errorf(e, "Polling source %s failed unexpectedly", source.name());
                }
            }
        }
        return results;
    }

    /** Due when never polled, or when {@code interval} has passed give or take half a tick of timer jitter. */
    static boolean isDue(Instant lastPolled, Instant now, Duration interval, Duration tick) {
        return lastPolled == null || Duration.between(lastPolled, now).plus(tick.dividedBy(2)).compareTo(interval) >= 0;
    }
}
