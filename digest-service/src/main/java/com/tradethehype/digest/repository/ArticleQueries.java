package com.tradethehype.digest.repository;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads articles with their tickers and scores, newest first. Callers provide the reactive session. */
@ApplicationScoped
public class ArticleQueries {

    private final Pool pool;

    public ArticleQueries(Pool pool) {
        this.pool = pool;
    }

    /** Those of {@code articleIds} that are stored, in no particular order (one indexed query, no session needed). */
    public Uni<List<String>> stored(List<String> articleIds) {
        return pool.preparedQuery("SELECT article_id FROM digest.article WHERE article_id = ANY($1)")
                .execute(Tuple.of(articleIds.toArray(String[]::new)))
                .map(rows -> {
                    List<String> ids = new java.util.ArrayList<>();
                    for (Row r : rows) {
                        ids.add(r.getString(0));
                    }
                    return ids;
                });
    }

    /** An article with everything stored about it. */
    public record StoredArticle(ArticleEntity article, List<String> tickers, List<ArticleScoreEntity> scores) {
    }

    /** The {@code limit} most recently published articles, only those tagged {@code ticker} when given. */
    public Uni<List<StoredArticle>> latest(Optional<String> ticker, int limit) {
        Uni<List<ArticleEntity>> articles = ticker
                .map(t -> ArticleEntity.<ArticleEntity>find("articleId in (select t.articleId from ArticleTickerEntity t "
                        + "where t.ticker = :ticker) order by publishedAt desc, articleId", Parameters.with("ticker", t)))
                .orElseGet(() -> ArticleEntity.find("order by publishedAt desc, articleId"))
                .page(0, limit).list();
        return articles.flatMap(this::withDetails);
    }

    private Uni<List<StoredArticle>> withDetails(List<ArticleEntity> articles) {
        if (articles.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = articles.stream().map(a -> a.articleId).toList();
        Uni<List<ArticleTickerEntity>> tickers = ArticleTickerEntity.list("articleId in ?1 order by ticker", ids);
        Uni<List<ArticleScoreEntity>> scores = ArticleScoreEntity.list("articleId in ?1 order by scoredAt desc", ids);
        return tickers.flatMap(ts -> scores.map(ss -> {
            Map<String, List<String>> tickersById = ts.stream().collect(Collectors.groupingBy(t -> t.articleId,
                    Collectors.mapping(t -> t.ticker, Collectors.toList())));
            Map<String, List<ArticleScoreEntity>> scoresById = ss.stream().collect(Collectors.groupingBy(s -> s.articleId));
            return articles.stream().map(a -> new StoredArticle(a, tickersById.getOrDefault(a.articleId, List.of()),
                    scoresById.getOrDefault(a.articleId, List.of()))).toList();
        }));
    }
}
