package com.tradethehype.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An ingested article with the sentiment one model gave it. Consumers are idempotent on
 * ({@code articleId}, {@code model}).
 *
 * @param articleId       as in {@link ArticleIngested}
 * @param source          as in {@link ArticleIngested}
 * @param url             as in {@link ArticleIngested}
 * @param title           as in {@link ArticleIngested}
 * @param summary         as in {@link ArticleIngested}, never null
 * @param publishedAt     as in {@link ArticleIngested}
 * @param fetchedAt       as in {@link ArticleIngested}
 * @param tickers         as in {@link ArticleIngested}
 * @param lang            as in {@link ArticleIngested}
 * @param sentiment       the model's probabilities
 * @param label           the most probable label ({@code positive}, {@code negative}, {@code neutral})
 * @param score           positive minus negative, in [-1, 1]
 * @param model           the model (id and version) that produced {@code sentiment}
 * @param scoredAt        when the model scored it
 * @param evidence        why each ticker was tagged, copied from {@link ArticleIngested#evidence()}; empty (never
 *                        null) in messages from producers that predate it
 * @param authorSentiment the author's own tag ({@code Bullish} / {@code Bearish}), copied from
 *                        {@link ArticleIngested#authorSentiment()}, else null
 * @param undated         as in {@link ArticleIngested#undated()}: {@code publishedAt} is when ingest first saw an item
 *                        its source did not date; false when absent on the wire
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
        Instant scoredAt,
        List<TickerEvidence> evidence,
        String authorSentiment,
        boolean undated) {

    public ArticleScored {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scoredAt, "scoredAt");
        tickers = tickers == null ? List.of() : List.copyOf(tickers);
        summary = summary == null ? "" : summary;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        authorSentiment = authorSentiment == null || authorSentiment.isBlank() ? null : authorSentiment;
        undated = undated || publishedAt == null;
        publishedAt = publishedAt == null ? fetchedAt : publishedAt;
    }

    /** The sixteen-field form from before {@code undated}: undated only when {@code publishedAt} is null. */
    public ArticleScored(String articleId, String source, String url, String title, String summary,
                         Instant publishedAt, Instant fetchedAt, List<String> tickers, String lang,
                         Sentiment sentiment, String label, double score, ModelRef model, Instant scoredAt,
                         List<TickerEvidence> evidence, String authorSentiment) {
        this(articleId, source, url, title, summary, publishedAt, fetchedAt, tickers, lang, sentiment, label, score,
                model, scoredAt, evidence, authorSentiment, false);
    }

    /** The original fourteen-field form: no evidence, no author sentiment. */
    public ArticleScored(String articleId, String source, String url, String title, String summary,
                         Instant publishedAt, Instant fetchedAt, List<String> tickers, String lang,
                         Sentiment sentiment, String label, double score, ModelRef model, Instant scoredAt) {
        this(articleId, source, url, title, summary, publishedAt, fetchedAt, tickers, lang, sentiment, label, score,
                model, scoredAt, null, null, false);
    }

    /** Scores {@code article} with {@code sentiment}; label and score are derived, never passed in. */
    public static ArticleScored of(ArticleIngested article, Sentiment sentiment, ModelRef model, Instant scoredAt) {
        return new ArticleScored(article.articleId(), article.source(), article.url(), article.title(),
                article.summary(), article.publishedAt(), article.fetchedAt(), article.tickers(), article.lang(),
                sentiment, sentiment.label(), sentiment.score(), model, scoredAt, article.evidence(),
                article.authorSentiment(), article.undated());
    }
}
