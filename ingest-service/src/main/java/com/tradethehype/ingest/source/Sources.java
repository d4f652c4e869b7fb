package com.tradethehype.ingest.source;

import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.config.IngestConfig.SourceConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns what a user wrote (configuration or {@code POST /sources}) into validated {@link Source}s. */
public final class Sources {

    /** Stands for each watchlist symbol in a configured URL. */
    static final String TICKER_PLACEHOLDER = "{ticker}";
    private static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";

    private Sources() {
    }

    /** The configured sources, a {@code {ticker}} URL expanded to one source per symbol, e.g. {@code yahoo-msft}. */
    static Map<String, Source> expand(Map<String, SourceConfig> configs, List<String> watchlist) {
        Map<String, Source> sources = new LinkedHashMap<>();
        configs.forEach((name, c) -> {
            List<String> tickers = symbols(c.tickers().orElse(List.of()));
            if (!c.url().contains(TICKER_PLACEHOLDER)) {
                sources.put(name, validate(name, c.url(), c.kind(), c.enabled(), tickers, c.interval(), c.weight(), false));
                return;
            }
            List<String> each = (tickers.isEmpty() ? watchlist : c.tickers().get()).stream().map(String::trim)
                    .filter(t -> !t.isEmpty()).distinct().toList();
            if (each.isEmpty()) {
                throw new InvalidSourceException("ingest.sources." + name + ".url has " + TICKER_PLACEHOLDER
                        + " but neither the source's tickers nor ingest.watchlist name any symbol");
            }
            for (String ticker : each) {
                String expanded = name + "-" + ticker.toLowerCase(Locale.ROOT).replace('.', '-');
                String url = c.url().replace(TICKER_PLACEHOLDER, URLEncoder.encode(ticker, StandardCharsets.UTF_8));
                // the URL keeps the spelling the user wrote (Yahoo wants BRK-B); the tag is the published form
                sources.put(expanded, validate(expanded, url, c.kind(), c.enabled(), List.of(ticker), c.interval(),
                        c.weight(), false));
            }
        });
        return sources;
    }

    /** A validated source; throws {@link InvalidSourceException} naming what is wrong. */
    public static Source validate(String name, String rawUrl, String rawKind, boolean enabled, List<String> tickers,
                           Optional<Duration> interval, double weight, boolean runtime) {
        String where = runtime ? "source " + name + ": " : "ingest.sources." + name + ".";
        if (runtime && (name == null || !name.matches(NAME))) {
            throw new InvalidSourceException("source name must match " + NAME + ", was '" + name + "'");
        }
        if (rawUrl == null || rawUrl.isBlank()) {
            throw new InvalidSourceException(where + "url is required");
        }
        if (rawUrl.contains(TICKER_PLACEHOLDER)) {
            throw new InvalidSourceException(where + "url: " + TICKER_PLACEHOLDER
                    + " is expanded from configuration only; add one source per symbol");
        }
        URI url;
        try {
            url = URI.create(rawUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException(where + "url is not a URL: " + e.getMessage());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new InvalidSourceException(where + "url must be an absolute http(s) URL: " + url);
        }
        String kind = rawKind == null ? Source.KIND_RSS : rawKind.trim().toLowerCase(Locale.ROOT);
        if (!Source.KINDS.contains(kind)) {
            throw new InvalidSourceException(where + "kind '" + kind + "' is not supported (rss, reddit, stocktwits)");
        }
        if (interval.isPresent() && (interval.get().isNegative() || interval.get().isZero())) {
            throw new InvalidSourceException(where + "interval must be positive");
        }
        if (!(weight > 0 && weight <= 100)) {
            throw new InvalidSourceException(where + "weight must be above 0 and at most 100, was " + weight);
        }
        return new Source(name, url, kind, enabled, symbols(tickers), interval, weight, runtime);
    }

    static List<String> symbols(List<String> tickers) {
        return tickers.stream().map(t -> t.trim().toUpperCase(Locale.ROOT).replace('-', '.'))
                .filter(t -> !t.isEmpty()).distinct().sorted().toList();
    }
}
