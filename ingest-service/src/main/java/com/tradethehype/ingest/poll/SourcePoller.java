package com.tradethehype.ingest.poll;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.ItemOutcome;
import com.tradethehype.ingest.ParsedFeed;
import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.PollStatus;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.SourceState;
import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.feed.FeedContentException;
import com.tradethehype.ingest.feed.FeedParseException;
import com.tradethehype.ingest.feed.FeedReader;
import com.tradethehype.ingest.fetch.FeedFetchException;
import com.tradethehype.ingest.fetch.FeedFetcher;
import com.tradethehype.ingest.source.SourceStates;
import com.tradethehype.messaging.QueueUnavailableException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Polls one source end to end: fetch, read, then hand the items to {@link ItemIngester}, publishing new ones in
 * batches of {@code ingest.publish-batch} (one transaction and one SQS call each). Never throws: whatever
 * goes wrong becomes a FAILED result naming the source and what failed, so one bad feed cannot stop the others.
 */
@ApplicationScoped
public class SourcePoller {

    private final FeedFetcher fetcher;
    private final FeedReader reader;
    private final ItemIngester ingester;
    private final SourceStates states;
    private final IngestMetrics metrics;
    private final String defaultLang;
    private final int downAfterFailures;
    private final int publishBatch;
    // the scheduler and POST /sources/.../poll may meet on one source; they take turns instead of racing
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public SourcePoller(FeedFetcher fetcher, FeedReader reader, ItemIngester ingester, SourceStates states,
                        IngestMetrics metrics, IngestConfig config) {
        this.fetcher = fetcher;
        this.reader = reader;
        this.ingester = ingester;
        this.states = states;
        this.metrics = metrics;
        this.defaultLang = config.defaultLang();
        this.downAfterFailures = config.downAfterFailures();
        this.publishBatch = config.publishBatch();
    }

    public PollResult poll(Source source) {
        ReentrantLock lock = locks.computeIfAbsent(source.name(), name -> new ReentrantLock());
        lock.lock();
        try {
            int failuresBefore = states.of(source.name()).consecutiveFailures();
            PollResult result = pollLocked(source);
            SourceState after = states.record(result, Instant.now());
            metrics.record(result);
            log(result, failuresBefore, after.consecutiveFailures());
            return result;
        } finally {
            lock.unlock();
        }
    }

    private void log(PollResult r, int failuresBefore, int failures) {
        switch (r.status()) {
            case FAILED -> {
                if (failures >= downAfterFailures) {
                    Log.errorf("Source %s is DOWN: %d failed polls in a row; last %s error: %s", r.source(), failures,
                            r.failure(), r.error());
                } else {
                    Log.errorf("Polling source %s failed (%d of %d before DOWN), %s: %s", r.source(), failures,
                            downAfterFailures, r.failure(), r.error());
                }
            }
            case UNCHANGED -> Log.debugf("Source %s unchanged", r.source());
            case EMPTY -> Log.warnf("Source %s answered a well-formed feed without items", r.source());
            default -> Log.infof("Polled source %s: %d items, %d published, %d duplicates, %d merged, "
                            + "%d without tickers, %d crypto only, %d invalid", r.source(), r.fetched(), r.published(),
                    r.duplicates(), r.merged(), r.withoutTickers(), r.cryptoOnly(), r.invalid());
        }
        if (r.status() != PollStatus.FAILED && failuresBefore >= downAfterFailures) {
            Log.infof("Source %s is UP again after %d failed polls", r.source(), failuresBefore);
        }
    }

    private PollResult pollLocked(Source source) {
        Tally tally = new Tally(source.name());
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(source);
            if (fetched.notModified()) {
                return PollResult.unchanged(source.name());
            }
            ParsedFeed feed = reader.read(source, fetched);
            String lang = Optional.ofNullable(feed.language()).orElse(defaultLang);
            Instant fetchedAt = Instant.now();
            tally.fetched = feed.items().size();
            List<ArticleIngested> batch = new ArrayList<>(publishBatch);
            for (FeedItem item : feed.items()) {
                ItemIngester.Prepared prepared = ingester.prepare(source, item, lang, fetchedAt);
                if (prepared.event() == null) {
                    tally.count(prepared.outcome());
                    continue;
                }
                batch.add(prepared.event());
                if (batch.size() == publishBatch) {
                    ingester.publish(source, batch).forEach(tally::count);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                ingester.publish(source, batch).forEach(tally::count);
            }
            fetcher.remember(source, fetched);
            return tally.result(feed.items().isEmpty() ? PollStatus.EMPTY : PollStatus.OK, null, null);
        } catch (FeedFetchException e) {
            return tally.result(PollStatus.FAILED, "fetch", e.getMessage());
        } catch (FeedContentException e) {
            return tally.result(PollStatus.FAILED, "content", e.getMessage());
        } catch (FeedParseException e) {
            return tally.result(PollStatus.FAILED, "parse", e.getMessage());
        } catch (QueueUnavailableException e) {
            return tally.result(PollStatus.FAILED, "publish", e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "Polling source %s failed unexpectedly", source.name()); // a bug or the database: keep the trace
            return tally.result(PollStatus.FAILED, "internal",
                    e.getMessage() == null ? "internal error, see the log" : e.getMessage());
        }
    }

    /** Counts for one poll; a failure part-way keeps what was already done. */
    private static final class Tally {
        private final String source;
        private int fetched;
        private final int[] outcomes = new int[ItemOutcome.values().length];

        Tally(String source) {
            this.source = source;
        }

        void count(ItemOutcome outcome) {
            outcomes[outcome.ordinal()]++;
        }

        int of(ItemOutcome outcome) {
            return outcomes[outcome.ordinal()];
        }

        PollResult result(PollStatus status, String failure, String error) {
            return new PollResult(source, status, fetched, of(ItemOutcome.PUBLISHED),
                    of(ItemOutcome.DUPLICATE), of(ItemOutcome.MERGED),
                    of(ItemOutcome.WITHOUT_TICKERS), of(ItemOutcome.CRYPTO_ONLY),
                    of(ItemOutcome.INVALID), failure, error);
        }
    }
}
