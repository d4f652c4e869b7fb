package com.tradethehype.ingest;

import java.util.List;

/**
 * The items of one feed document.
 *
 * @param language the feed's declared language as an ISO 639 code, or null when it declares none
 */
public record ParsedFeed(String language, List<FeedItem> items) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}
