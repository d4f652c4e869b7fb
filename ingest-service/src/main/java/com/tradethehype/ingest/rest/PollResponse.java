package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.PollResult;

/** One source's poll, as the API shows it; {@code error} is null unless {@code status} is FAILED. */
public record PollResponse(String source, String status, int fetched, int published, int duplicates,
                           int withoutTickers, int invalid, String error) {

    public static PollResponse of(PollResult result) {
        return result == null ? null : new PollResponse(result.source(), result.status().name(), result.fetched(),
                result.published(), result.duplicates(), result.withoutTickers(), result.invalid(), result.error());
    }
}
