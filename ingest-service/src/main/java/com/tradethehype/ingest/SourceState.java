package com.tradethehype.ingest;

import java.time.Instant;

/**
 * What the service remembers about a source between polls (in {@code ingest.source_state}).
 *
 * @param consecutiveFailures failed polls since the last successful one
 * @param itemsSeen           items read from the source over its lifetime
 * @param itemsPublished      articles it was the first to bring
 */
public record SourceState(PollResult lastResult, Instant lastPolledAt, Instant lastSuccessAt, Instant lastErrorAt,
                          String lastError, int consecutiveFailures, long itemsSeen, long itemsPublished) {

    public static final SourceState NEVER_POLLED = new SourceState(null, null, null, null, null, 0, 0, 0);

    /** This state after {@code result}, finished at {@code at}; UNCHANGED and EMPTY count as successes. */
    public SourceState after(PollResult result, Instant at) {
        long seen = itemsSeen + result.fetched();
        long published = itemsPublished + result.published();
        if (result.status() == PollStatus.FAILED) {
            return new SourceState(result, at, lastSuccessAt, at, result.error(), consecutiveFailures + 1, seen,
                    published);
        }
        return new SourceState(result, at, at, lastErrorAt, lastError, 0, seen, published);
    }
}
