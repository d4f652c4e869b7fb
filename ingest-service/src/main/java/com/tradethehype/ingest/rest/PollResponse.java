package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.PollResult;

/** One source's poll, as the API shows it; {@code failure} and {@code error} are null unless FAILED. */
public record PollResponse(String source, String status, int fetched, int published, int duplicates, int merged,
                           int withoutTickers, int cryptoOnly, int invalid, String failure, String error) {

    public static PollResponse of(PollResult r) {
        return r == null ? null : new PollResponse(r.source(), r.status().name(), r.fetched(), r.published(),
                r.duplicates(), r.merged(), r.withoutTickers(), r.cryptoOnly(), r.invalid(), r.failure(), r.error());
    }
}
