package com.tradethehype.ingest;

import com.tradethehype.contracts.ArticleIngested;
import java.time.Instant;
import java.util.List;

/**
 * A feed item in the form we publish: plain text, canonical URL, and the id derived from it.
 *
 * @param articleId   lower-case hex SHA-256 of {@code url}
 * @param publishedAt as the feed says, or null when it does not
 */
public record NormalisedItem(String articleId, String url, String title, String summary, Instant publishedAt) {

    /** The event for this item, as read from {@code source} at {@code fetchedAt}. */
    public ArticleIngested toEvent(String source, Instant fetchedAt, List<String> tickers, String lang) {
        return new ArticleIngested(articleId, source, url, title, summary, publishedAt, fetchedAt, tickers, lang);
    }
}
