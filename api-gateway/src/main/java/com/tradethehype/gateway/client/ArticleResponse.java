package com.tradethehype.gateway.client;

import java.time.Instant;
import java.util.List;

/**
 * An article with its tickers and scores, as digest-service reports it and the dashboard shows it; {@code undated}
 * when its feed gave no date, {@code publishedAt} then being when it was first seen.
 */
public record ArticleResponse(String articleId, String source, String url, String title, String summary,
                              Instant publishedAt, boolean undated, Instant fetchedAt, List<String> tickers,
                              List<ScoreResponse> scores) {

    /** One model's sentiment for the article. */
    public record ScoreResponse(String modelId, String modelVersion, double positive, double negative, double neutral,
                                String label, double score, Instant scoredAt) {
    }
}
