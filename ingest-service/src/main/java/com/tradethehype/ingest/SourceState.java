package com.tradethehype.ingest;

import java.time.Instant;

/**
 * What the service remembers about a source between polls (in memory for now).
 *
 * @param consecutiveFailures failed polls since the last successful one
 */
public record SourceState(PollResult lastResult, Instant lastPolledAt, Instant lastSuccessAt, Instant lastErrorAt,
                          String lastError, int consecutiveFailures) {

    public static final SourceState NEVER_POLLED = new SourceState(null, null, null, null, null, 0);

    /** This state after {@code result}, finished at {@code at}; UNCHANGED counts as a success. */
    public SourceState after(PollResult result, Instant at) {
        if (result.status() == PollStatus.FAILED) {
            return new SourceState(result, at, lastSuccessAt, at, result.error(), consecutiveFailures + 1);
        }
        return new SourceState(result, at, at, lastErrorAt, lastError, 0);
    }
}
