package com.tradethehype.ingest;

import com.tradethehype.contracts.ArticleIngested;
import java.time.Instant;

/**
 * A feed item in the form we publish: plain text, canonical URL, and the id derived from it.
 *
 * @param articleId       lower-case hex SHA-256 of {@code url}
 * @param publishedAt     as the feed says, or null when it does not
 * @param authorSentiment the author's own Bullish/Bearish tag (Stocktwits), else null
 */
public record NormalisedItem(String articleId, String url, String title, String summary, Instant publishedAt,
                             String authorSentiment) {

    /** The text tickers are looked for in: the headline, then the summary. */
    public String text() {
        return summary.isEmpty() ? title : title + "\n" + summary;
    }

    /**
     * The event for this item, as read from {@code source} at {@code fetchedAt}. An item without a date is sent
     * undated, its {@code publishedAt} being only when we first saw it, never passed off as a publication date.
     */
    public ArticleIngested toEvent(String source, Instant fetchedAt, Extraction extraction, String lang) {
        return new ArticleIngested(articleId, source, url, title, summary, publishedAt, fetchedAt,
                extraction.tickers(), lang, extraction.mentions().stream().map(TickerMention::toEvidence).toList(),
                authorSentiment, publishedAt == null);
    }
}
