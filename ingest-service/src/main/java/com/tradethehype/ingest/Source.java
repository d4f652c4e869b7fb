package com.tradethehype.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A feed to poll, validated: an absolute http(s) URL, a known kind, upper-case source tickers.
 *
 * @param interval how often to poll it when it differs from the global poll interval
 * @param weight   how much an item of this source counts relative to others (1 = normal)
 * @param runtime  added through {@code POST /sources} rather than configuration
 */
public record Source(String name, URI url, String kind, boolean enabled, List<String> tickers,
                     Optional<Duration> interval, double weight, boolean runtime) {

    /** RSS 2.0 or Atom, told apart by the document itself. */
    public static final String KIND_RSS = "rss";
    /** A Reddit listing ({@code /r/<sub>/new.json}). */
    public static final String KIND_REDDIT = "reddit";
    /** A Stocktwits stream ({@code /api/2/streams/symbol/<T>.json}). */
    public static final String KIND_STOCKTWITS = "stocktwits";
    public static final Set<String> KINDS = Set.of(KIND_RSS, KIND_REDDIT, KIND_STOCKTWITS);

    public Source {
        tickers = List.copyOf(tickers);
        interval = interval == null ? Optional.empty() : interval;
    }

    /** Whether the body is JSON rather than XML. */
    public boolean isJson() {
        return !KIND_RSS.equals(kind);
    }
}
