package com.tradethehype.digest.rest;

import com.tradethehype.digest.repository.ArticleQueries.StoredArticle;
import java.time.Instant;
import java.util.List;

/**
 * An article as the API shows it: its tickers and every score it has, newest score first. {@code undated}: the source
 * gave no date, so {@code publishedAt} is when ingest first saw it.
 */
public record ArticleResponse(String articleId, String source, String url, String title, String summary,
                              Instant publishedAt, Instant fetchedAt, List<String> tickers, List<ScoreResponse> scores,
                              boolean undated) {

    static ArticleResponse from(StoredArticle stored) {
        var a = stored.article();
        return new ArticleResponse(a.articleId, a.source, a.url, a.title, a.summary, a.publishedAt, a.fetchedAt,
                stored.tickers(), stored.scores().stream().map(ScoreResponse::from).toList(), a.undated);
    }
}
