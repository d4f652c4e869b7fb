package com.tradethehype.ingest.service;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.ingest.Extraction;
import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.ItemOutcome;
import com.tradethehype.ingest.NormalisedItem;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.messaging.ArticlePublisher;
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

/** One item of one source: normalise, tag tickers, and publish it unless it is known already. */
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

    /** Throws {@link QueueUnavailableException} when SQS does not take a new article; the next poll retries it. */
    public ItemOutcome ingest(Source source, FeedItem item, String lang, Instant fetchedAt) {
        Optional<NormalisedItem> normalised = normaliser.normalise(item);
        if (normalised.isEmpty()) {
            return ItemOutcome.INVALID;
        }
        NormalisedItem article = normalised.get();
        Extraction extraction = extractor.extract(article.text(), sourceTickers(source));
        if (extraction.mentions().isEmpty()) {
            return extraction.crypto().isEmpty() ? ItemOutcome.WITHOUT_TICKERS : ItemOutcome.CRYPTO_ONLY;
        }
        ArticleIngested event = article.toEvent(source.name(), fetchedAt, extraction, lang);
        try {
            return published.publishOnce(event, source.weight(), () -> publisher.publish(event));
        } catch (QueueUnavailableException e) {
            Log.errorf("Article %s of source %s not published, the next poll retries it: %s", event.articleId(),
                    source.name(), e.getMessage());
            throw e;
        }
    }
}
