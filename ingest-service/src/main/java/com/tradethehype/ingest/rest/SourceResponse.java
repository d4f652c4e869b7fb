package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A source and how its polls went.
 *
 * @param interval how often it is polled, ISO-8601 (e.g. {@code PT5M})
 * @param origin   {@code config} or {@code runtime} (added with POST /sources)
 * @param health   {@code UP}, or {@code DOWN} once it failed {@code ingest.down-after-failures} polls in a row
 */
public record SourceResponse(String name, String url, String kind, boolean enabled, List<String> tickers,
                             String interval, double weight, String origin, String health, PollResponse lastResult,
                             Instant lastPolledAt, Instant lastSuccessAt, Instant lastErrorAt, String lastError,
                             int consecutiveFailures, long itemsSeen, long itemsPublished) {

    public static SourceResponse of(Source source, SourceState state, Duration defaultInterval, int downAfterFailures) {
        return new SourceResponse(source.name(), source.url().toString(), source.kind(), source.enabled(),
                source.tickers(), source.interval().orElse(defaultInterval).toString(), source.weight(),
                source.runtime() ? "runtime" : "config", state.consecutiveFailures() >= downAfterFailures ? "DOWN" : "UP",
                PollResponse.of(state.lastResult()), state.lastPolledAt(), state.lastSuccessAt(), state.lastErrorAt(),
                state.lastError(), state.consecutiveFailures(), state.itemsSeen(), state.itemsPublished());
    }
}
