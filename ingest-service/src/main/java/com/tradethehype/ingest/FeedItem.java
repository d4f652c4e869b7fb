package com.tradethehype.ingest;

import java.time.Instant;

/**
 * One item as the source wrote it: title and summary may still hold HTML, the link is not yet canonical, and any
 * field may be null.
 *
 * @param authorSentiment the author's own Bullish/Bearish tag (Stocktwits), else null
 */
public record FeedItem(String title, String link, String summary, Instant publishedAt, String guid,
                       String authorSentiment) {

    public FeedItem(String title, String link, String summary, Instant publishedAt, String guid) {
        this(title, link, summary, publishedAt, guid, null);
    }
}
