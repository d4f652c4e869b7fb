package com.tradethehype.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article the ingest service has normalised, de-duplicated and tagged with stock tickers.
 *
 * @param articleId       SHA-256 (lower-case hex) of the canonical URL; the idempotency key downstream
 * @param source          the configured source name that produced it (e.g. {@code yahoo-msft})
 * @param url             canonical URL
 * @param title           plain-text headline (HTML already stripped; any {@code <} in it is text, not markup)
 * @param summary         plain-text summary, possibly empty
 * @param publishedAt     when the source says it was published; for an undated item ({@code undated}) the time ingest
 *                        first saw it, its {@code fetchedAt}, which is not a publication date
 * @param fetchedAt       when the ingest service read it
 * @param tickers         upper-case stock symbols, never crypto, never empty
 * @param lang            ISO 639-1 language code, or {@code und} when unknown
 * @param evidence        why each ticker was tagged (empty from producers that predate it, never null)
 * @param authorSentiment the author's own tag where the source has one (Stocktwits: {@code Bullish} or
 *                        {@code Bearish}), else null
 * @param undated         true when the source gave no date, so {@code publishedAt} is only when ingest first saw the item;
 *                        false (also when absent on the wire) when the source dated it. A null {@code publishedAt}
 *                        always makes an undated event: a missing date is never passed off as a real one
 */
public record ArticleIngested(
        String articleId,
        String source,
        String url,
        String title,
        String summary,
        Instant publishedAt,
        Instant fetchedAt,
        List<String> tickers,
        String lang,
        List<TickerEvidence> evidence,
        String authorSentiment,
        boolean undated) {

    public ArticleIngested {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        undated = undated || publishedAt == null;
        publishedAt = publishedAt == null ? fetchedAt : publishedAt;
        tickers = tickers == null ? List.of() : List.copyOf(tickers);
        lang = lang == null || lang.isBlank() ? "und" : lang;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        authorSentiment = authorSentiment == null || authorSentiment.isBlank() ? null : authorSentiment;
    }

    /** The eleven-field form from before {@code undated}: undated only when {@code publishedAt} is null. */
    public ArticleIngested(String articleId, String source, String url, String title, String summary,
                           Instant publishedAt, Instant fetchedAt, List<String> tickers, String lang,
                           List<TickerEvidence> evidence, String authorSentiment) {
        this(articleId, source, url, title, summary, publishedAt, fetchedAt, tickers, lang, evidence, authorSentiment,
                false);
    }

    /** The original nine-field form: no evidence, no author sentiment. */
    public ArticleIngested(String articleId, String source, String url, String title, String summary,
                           Instant publishedAt, Instant fetchedAt, List<String> tickers, String lang) {
        this(articleId, source, url, title, summary, publishedAt, fetchedAt, tickers, lang, null, null, false);
    }

    /** The text a sentiment model reads: the headline, then the summary when there is one. */
    public String text() {
        return summary.isBlank() ? title : title + ". " + summary;
    }
}
