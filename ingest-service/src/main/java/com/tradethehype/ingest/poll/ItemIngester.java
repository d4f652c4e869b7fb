package com.tradethehype.ingest.poll;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.ingest.Extraction;
import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.ItemOutcome;
import com.tradethehype.ingest.NormalisedItem;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.extraction.TickerExtractor;
import com.tradethehype.ingest.feed.SecFilings;
import com.tradethehype.ingest.messaging.ArticlePublisher;
import com.tradethehype.ingest.normalise.ArticleNormaliser;
import com.tradethehype.ingest.repository.PublishedArticles;
import com.tradethehype.messaging.QueueUnavailableException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Items of one source: normalise, tag tickers, and publish each (in batches) unless it is known already. */
@ApplicationScoped
public class ItemIngester {

    private final ArticleNormaliser normaliser;
    private final TickerExtractor extractor;
    private final PublishedArticles published;
    private final ArticlePublisher publisher;
    private final Map<Source, List<String>> sourceTickers = new ConcurrentHashMap<>();

    public ItemIngester(ArticleNormaliser normaliser, TickerExtractor extractor, PublishedArticles published,
                        ArticlePublisher publisher) {
        this.normaliser = normaliser;
        this.extractor = extractor;
        this.published = published;
        this.publisher = publisher;
    }

    /** The source's own tickers, plus the filer's for an SEC EDGAR company feed ({@code ...&CIK=0000320193}). */
    List<String> sourceTickers(Source source) {
        return sourceTickers.computeIfAbsent(source, s -> {
            Set<String> symbols = new TreeSet<>(s.tickers());
            OptionalLong cik = SecFilings.cikOf(s.url());
            if (cik.isPresent()) {
                extractor.symbolsOfFiler(cik.getAsLong()).stream().findFirst().ifPresent(symbols::add);
            }
            return List.copyOf(symbols);
        });
    }

    /** An item read and tagged: the event to publish, or (event null) the outcome that ends it here. */
    public record Prepared(ArticleIngested event, ItemOutcome outcome) {
    }

    /** Normalises and tags one item; nothing is recorded or sent yet. */
    public Prepared prepare(Source source, FeedItem item, String lang, Instant fetchedAt) {
        Optional<NormalisedItem> normalised = normaliser.normalise(item);
        if (normalised.isEmpty()) {
            return new Prepared(null, ItemOutcome.INVALID);
        }
        NormalisedItem article = normalised.get();
        Extraction extraction = extractor.extract(article.text(), sourceTickers(source));
        if (extraction.mentions().isEmpty()) {
            return new Prepared(null, extraction.crypto().isEmpty() ? ItemOutcome.WITHOUT_TICKERS : ItemOutcome.CRYPTO_ONLY);
        }
        return new Prepared(article.toEvent(source.name(), fetchedAt, extraction, lang), null);
    }

    /**
     * Publishes a batch of one source's events once each (one transaction, one SQS batch); the outcome of each, in
     * order. Throws {@link QueueUnavailableException} when SQS does not take them: none is recorded, the next poll
     * retries them all.
     */
    public List<ItemOutcome> publish(Source source, List<ArticleIngested> events) {
        try {
            return published.publishBatch(events, source.weight(), publisher::publishAll);
        } catch (QueueUnavailableException e) {
            Log.errorf("%d articles of source %s not published, the next poll retries them: %s", events.size(),
                    source.name(), e.getMessage());
            throw e;
        }
    }

    /** {@link #prepare} and {@link #publish} for one item. */
    public ItemOutcome ingest(Source source, FeedItem item, String lang, Instant fetchedAt) {
        Prepared prepared = prepare(source, item, lang, fetchedAt);
        return prepared.event() == null ? prepared.outcome() : publish(source, List.of(prepared.event())).get(0);
    }
}
