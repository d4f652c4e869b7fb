package com.tradethehype.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Business settings of the ingest service: which feeds to read, how often and how defensively. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** The feeds to poll, by name; the name becomes each article's {@code source}. */
    Map<String, SourceConfig> sources();

    /** How often the scheduler looks for due sources; also each source's interval unless it sets its own. */
    @WithDefault("5m")
    Duration pollInterval();

    /** User-Agent sent with every feed request, so feed owners can see who we are. */
    @WithDefault("TradeTheHype/0.1 (+https://github.com/tradethehype)")
    String userAgent();

    /** Deadline for one whole feed request, headers and body together. */
    @WithDefault("20s")
    Duration fetchTimeout();

    /** Largest feed body accepted; anything bigger fails the poll instead of filling memory. */
    @WithDefault("5M")
    MemorySize maxBytes();

    /** Language recorded for items whose feed does not declare one (ISO 639-1, or {@code und}). */
    @WithDefault("en")
    String defaultLang();

    /** Deadline for each SQS call (resolve queue, send, health probe). */
    @WithDefault("10s")
    Duration sqsTimeout();

    /** One configured feed. */
    interface SourceConfig {

        /** The feed URL (http or https). */
        String url();

        /** What the URL serves; {@code rss} covers RSS 2.0 and Atom, told apart by the root element. */
        @WithDefault("rss")
        String kind();

        /** A disabled source stays listed but is never polled. */
        @WithDefault("true")
        boolean enabled();

        /** Symbols every item of this source is about (e.g. MSFT for Yahoo's {@code headline?s=MSFT}). */
        Optional<List<String>> tickers();

        /** Poll this source less often than {@code ingest.poll-interval}; rounded to the nearest tick. */
        Optional<Duration> interval();
    }
}
