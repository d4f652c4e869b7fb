package com.tradethehype.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A configured feed, validated: an absolute http(s) URL, a known kind, upper-case source tickers.
 *
 * @param interval how often to poll it when it differs from the global poll interval
 */
public record Source(String name, URI url, String kind, boolean enabled, List<String> tickers,
                     Optional<Duration> interval) {

    /** The only kind so far; RSS 2.0 and Atom are told apart by the document itself. */
    public static final String KIND_RSS = "rss";

    public Source {
        tickers = List.copyOf(tickers);
        interval = interval == null ? Optional.empty() : interval;
    }
}
