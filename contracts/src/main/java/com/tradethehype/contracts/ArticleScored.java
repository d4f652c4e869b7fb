package com.tradethehype.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An ingested article with the sentiment one model gave it. Consumers are idempotent on
 * ({@code articleId}, {@code model}).
 */
public record ArticleScored(
        String articleId,
        String source,
        String url,
        String title,
        String summary,
        Instant publishedAt,
        Instant fetchedAt,
        List<String> tickers,
        String lang,
        Sentiment sentiment,
        String label,
        double score,
        ModelRef model,
        Instant scoredAt) {

    public ArticleScored {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scoredAt, "scoredAt");
        tickers = tickers == null ? List.of() : List.copyOf(tickers);
        summary = summary == null ? "" : summary;
    }

    /** Scores {@code article} with {@code sentiment}; label and score are derived, never passed in. */
    public static ArticleScored of(ArticleIngested article, Sentiment sentiment, ModelRef model, Instant scoredAt) {
        return new ArticleScored(article.articleId(), article.source(), article.url(), article.title(),
                article.summary(), article.publishedAt(), article.fetchedAt(), article.tickers(), article.lang(),
                sentiment, sentiment.label(), sentiment.score(), model, scoredAt);
    }
}
