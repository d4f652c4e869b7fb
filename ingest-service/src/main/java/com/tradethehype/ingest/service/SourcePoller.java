package com.tradethehype.ingest.service;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.NormalisedItem;
import com.tradethehype.ingest.ParsedFeed;
import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.PollStatus;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.messaging.ArticlePublisher;
import com.tradethehype.ingest.repository.PublishedArticles;
import com.tradethehype.messaging.QueueUnavailableException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Polls one source end to end: fetch, parse, normalise, tag tickers, publish each new article once. Never throws:
 * whatever goes wrong becomes a FAILED result naming the source, so one bad feed cannot stop the others.
 */
@ApplicationScoped
public class SourcePoller {

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final ArticleNormaliser normaliser;
    private final TickerExtractor tickers;
    private final PublishedArticles published;
    private final ArticlePublisher publisher;
    private final SourceStates states;
    private final IngestMetrics metrics;
    private final String defaultLang;
    // the scheduler and POST /sources/.../poll may meet on one source; they take turns instead of racing
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public SourcePoller(FeedFetcher fetcher, FeedParser parser, ArticleNormaliser normaliser, TickerExtractor tickers,
                        PublishedArticles published, ArticlePublisher publisher, SourceStates states,
                        IngestMetrics metrics, IngestConfig config) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.normaliser = normaliser;
        this.tickers = tickers;
        this.published = published;
        this.publisher = publisher;
        this.states = states;
        this.metrics = metrics;
        this.defaultLang = config.defaultLang();
    }

    public PollResult poll(Source source) {
        ReentrantLock lock = locks.computeIfAbsent(source.name(), name -> new ReentrantLock());
        lock.lock();
        try {
            PollResult result = pollLocked(source);
            states.record(result, Instant.now());
            metrics.record(result);
            log(result);
            return result;
        } finally {
            lock.unlock();
        }
    }

    private static void log(PollResult r) {
        switch (r.status()) {
            case FAILED -> Log.errorf("Polling source %s failed: %s", r.source(), r.error());
            case UNCHANGED -> Log.debugf("Source %s unchanged", r.source());
            default -> Log.infof("Polled source %s: %d items, %d published, %d duplicates, %d without tickers, %d invalid",
                    r.source(), r.fetched(), r.published(), r.duplicates(), r.withoutTickers(), r.invalid());
        }
    }

    private PollResult pollLocked(Source source) {
        Tally tally = new Tally(source.name());
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(source);
            if (fetched.notModified()) {
                return PollResult.unchanged(source.name());
            }
            ParsedFeed feed = parser.parse(source.name(), fetched.body());
            String lang = Optional.ofNullable(feed.language()).orElse(defaultLang);
            Instant fetchedAt = Instant.now();
            tally.fetched = feed.items().size();
            for (FeedItem item : feed.items()) {
                handle(source, item, lang, fetchedAt, tally);
            }
            fetcher.remember(source, fetched);
            return tally.result(PollStatus.OK, null);
        } catch (FeedFetchException | FeedParseException | QueueUnavailableException e) {
            return tally.result(PollStatus.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "Polling source %s failed unexpectedly", source.name()); // a bug or the database: keep the trace
            return tally.result(PollStatus.FAILED, e.getMessage() == null ? "internal error, see the log" : e.getMessage());
        }
    }

    private void handle(Source source, FeedItem item, String lang, Instant fetchedAt, Tally tally) {
        Optional<NormalisedItem> normalised = normaliser.normalise(item);
        if (normalised.isEmpty()) {
            tally.invalid++;
            return;
        }
        NormalisedItem article = normalised.get();
        List<String> symbols = tickers.tickers(article.title() + "\n" + article.summary(), source.tickers());
        if (symbols.isEmpty()) {
            tally.withoutTickers++;
            return;
        }
        ArticleIngested event = article.toEvent(source.name(), fetchedAt, symbols, lang);
        boolean isNew;
        try {
            isNew = published.recordThen(event, () -> publisher.publish(event));
        } catch (QueueUnavailableException e) {
            Log.errorf("Article %s of source %s not published, the next poll retries it: %s", event.articleId(),
                    source.name(), e.getMessage());
            throw e;
        }
        if (isNew) {
            tally.published++;
        } else {
            tally.duplicates++;
        }
    }

    /** Counts for one poll; a failure part-way keeps what was already done. */
    private static final class Tally {
        private final String source;
        private int fetched;
        private int published;
        private int duplicates;
        private int withoutTickers;
        private int invalid;

        Tally(String source) {
            this.source = source;
        }

        PollResult result(PollStatus status, String error) {
            return new PollResult(source, status, fetched, published, duplicates, withoutTickers, invalid, error);
        }
    }
}
