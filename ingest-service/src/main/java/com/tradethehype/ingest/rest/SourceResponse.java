package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A configured source and how its polls went (since the service started).
 *
 * @param interval how often it is polled, ISO-8601 (e.g. {@code PT5M})
 */
public record SourceResponse(String name, String url, String kind, boolean enabled, List<String> tickers,
                             String interval, PollResponse lastResult, Instant lastPolledAt, Instant lastSuccessAt,
                             Instant lastErrorAt, String lastError, int consecutiveFailures) {

    public static SourceResponse of(Source source, SourceState state, Duration defaultInterval) {
        return new SourceResponse(source.name(), source.url().toString(), source.kind(), source.enabled(),
                source.tickers(), source.interval().orElse(defaultInterval).toString(),
                PollResponse.of(state.lastResult()), state.lastPolledAt(), state.lastSuccessAt(), state.lastErrorAt(),
                state.lastError(), state.consecutiveFailures());
    }
}
