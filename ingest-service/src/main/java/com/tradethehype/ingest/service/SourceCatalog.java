package com.tradethehype.ingest.service;

import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured sources, validated once at start-up: a typo in a feed URL or kind stops the service with a
 * message naming the source, instead of surfacing as a failed poll every five minutes.
 */
@ApplicationScoped
public class SourceCatalog {

    private final Map<String, Source> byName = new TreeMap<>();

    public SourceCatalog(IngestConfig config) {
        config.sources().forEach((name, source) -> byName.put(name, toSource(name, source)));
    }

    /** Every source, enabled or not, sorted by name. */
    public List<Source> all() {
        return new ArrayList<>(byName.values());
    }

    public List<Source> enabled() {
        return byName.values().stream().filter(Source::enabled).toList();
    }

    /** The source called {@code name}; throws {@link UnknownSourceException} if there is none. */
    public Source byName(String name) {
        Source source = byName.get(name);
        if (source == null) {
            throw new UnknownSourceException(name);
        }
        return source;
    }

    static Source toSource(String name, IngestConfig.SourceConfig config) {
        URI url;
        try {
            url = URI.create(config.url().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ingest.sources." + name + ".url is not a URL: " + e.getMessage(), e);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalStateException("ingest.sources." + name + ".url must be an absolute http(s) URL: " + url);
        }
        String kind = config.kind().trim().toLowerCase(Locale.ROOT);
        if (!kind.equals(Source.KIND_RSS)) {
            throw new IllegalStateException("ingest.sources." + name + ".kind '" + kind + "' is not supported (rss)");
        }
        List<String> tickers = config.tickers().orElse(List.of()).stream()
                .map(t -> t.trim().toUpperCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().sorted().toList();
        return new Source(name, url, kind, config.enabled(), tickers, config.interval());
    }
}
