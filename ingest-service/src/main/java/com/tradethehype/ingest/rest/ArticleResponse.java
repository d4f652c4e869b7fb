package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.repository.ArticleSources;
import java.time.Instant;
import java.util.List;

/**
 * A published article and every source that carried it (merged near-duplicates included), as {@code GET
 * /articles/{id}} answers.
 */
public record ArticleResponse(String articleId, String source, String url, String title, List<String> tickers,
                              Instant firstSeenAt, List<SourceSeen> sources) {

    /** One source that carried the article; {@code similarity} 1 for the same URL, less for a merged headline. */
    public record SourceSeen(String source, String url, double similarity, double weight, Instant seenAt) {
    }

    static ArticleResponse of(ArticleSources.Article a) {
        return new ArticleResponse(a.articleId(), a.source(), a.url(), a.title(), a.tickers(), a.firstSeenAt(),
                a.sources().stream().map(c -> new SourceSeen(c.source(), c.url(), c.similarity(), c.weight(),
                        c.seenAt())).toList());
    }
}
