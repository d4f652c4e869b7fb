package com.tradethehype.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Business settings of the ingest service: which feeds to read, how often, how politely and how defensively. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** The feeds to poll, by name; the name becomes each article's {@code source}. */
    Map<String, SourceConfig> sources();

    /** Symbols that a source whose URL contains {@code {ticker}} is expanded for, unless it lists its own. */
    Optional<List<String>> watchlist();

    /** How often the scheduler looks for due sources; also each source's interval unless it sets its own. */
    @WithDefault("5m")
    Duration pollInterval();

    /** Sources polled at the same time in one cycle; hosts are still limited one by one (see rate-limit). */
    @WithDefault("4")
    int pollConcurrency();

    /** User-Agent sent with every request; SEC and Reddit refuse anonymous ones, so it names us and a contact. */
    @WithDefault("TradeTheHype/0.2 (+https://github.com/tradethehype; ingest@tradethehype.example)")
    String userAgent();

    /** Deadline for one request attempt, headers and body together. */
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

    /** New articles of one poll recorded in one transaction and sent in one SQS batch (SQS takes at most 10). */
    @WithDefault("10")
    @Max(10)
    @Min(1)
    int publishBatch();

    /** Failed polls in a row after which a source is reported DOWN in health and the log. */
    @WithDefault("3")
    int downAfterFailures();

    /** Retrying a request that failed in a way that may pass (HTTP 5xx, 429, connection reset). */
    Retry retry();

    /** Spacing of requests to one host. */
    RateLimit rateLimit();

    /** Merging near-identical headlines from different sources into one article. */
    Dedup dedup();

    /** Which addresses feeds may be fetched from (checked after DNS, for the source URL and every redirect). */
    Network network();

    /** Address checks against server-side request forgery. */
    interface Network {

        /** Fetch from loopback addresses: only for a local replay server and tests; off in production. */
        @WithDefault("false")
        boolean allowLoopback();

        /** Host names fetched even though they resolve to non-public addresses (an intranet feed); exact names. */
        Optional<List<String>> trustedHosts();

        /** Most redirects followed for one request; each target is checked like the source URL. */
        @WithDefault("5")
        @Min(0)
        int maxRedirects();
    }

    /** Retries with exponential backoff. */
    interface Retry {

        /** Attempts per poll, the first included; 1 turns retrying off. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait before the second attempt; doubled before each further one. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait between attempts, also the most of a server's Retry-After we honour. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    /** Per-host request spacing. */
    interface RateLimit {

        /** Least time between two requests to one host (SEC allows 10 per second, Reddit about 1). */
        @WithDefault("1s")
        Duration perHost();

        /** Spacing for particular hosts, overriding {@code per-host} (e.g. {@code "www.sec.gov"=200ms}). */
        Map<String, Duration> hosts();

        /** Loopback hosts (a local replay server) are not limited: they are ours, and nobody to be polite to. */
        @WithDefault("true")
        boolean exemptLoopback();
    }

    /** Near-duplicate detection. */
    interface Dedup {

        /** How far back a new headline is compared with published ones. */
        @WithDefault("3d")
        Duration window();

        /** Jaccard similarity of normalised title words at or above which two headlines are one story. */
        @WithDefault("0.8")
        double threshold();

        /** Headlines with fewer normalised words are never merged: short ones are too alike by chance. */
        @WithDefault("5")
        int minWords();
    }

    /** One configured feed. */
    interface SourceConfig {

        /** The feed URL (http or https); {@code {ticker}} in it makes one source per watchlist symbol. */
        String url();

        /** What the URL serves: {@code rss} (RSS 2.0 or Atom), {@code reddit} (listing JSON), {@code stocktwits}. */
        @WithDefault("rss")
        String kind();

        /** A disabled source stays listed but is never polled by the scheduler. */
        @WithDefault("true")
        boolean enabled();

        /** Symbols every item of this source is about (e.g. MSFT for Yahoo's {@code headline?s=MSFT}). */
        Optional<List<String>> tickers();

        /** Poll this source less often than {@code ingest.poll-interval}; rounded to the nearest tick. */
        Optional<Duration> interval();

        /** How much an item of this source counts relative to others (1 = normal); recorded with each article. */
        @WithDefault("1.0")
        double weight();
    }
}
