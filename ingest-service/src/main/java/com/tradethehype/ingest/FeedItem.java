package com.tradethehype.ingest;

import java.time.Instant;

/**
 * One RSS item or Atom entry as the feed wrote it: title and summary may still hold HTML, the link is not yet
 * canonical, and any field may be null.
 */
public record FeedItem(String title, String link, String summary, Instant publishedAt, String guid) {
}
