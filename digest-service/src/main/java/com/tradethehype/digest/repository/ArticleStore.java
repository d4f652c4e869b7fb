package com.tradethehype.digest.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleScored;
import com.tradethehype.digest.signal.CryptoGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes scored articles idempotently: the article once per {@code articleId}, a score once per
 * ({@code articleId}, model). Plain {@code INSERT ... ON CONFLICT DO NOTHING} so that two deliveries of the same
 * message, even concurrent ones, leave exactly one row and neither fails. A ticker that is a coin (ingest should
 * have dropped it) is not linked to the article, and the leak is logged and counted.
 */
@ApplicationScoped
public class ArticleStore {

    private static final String INSERT_ARTICLE = """
            INSERT INTO digest.article (article_id, source, url, title, summary, lang, published_at, fetched_at,
                                        author_sentiment, evidence, undated)
            VALUES (:id, :source, :url, :title, :summary, :lang, :published, :fetched, cast(:author as text),
                    cast(cast(:evidence as text) as jsonb), :undated)
            ON CONFLICT (article_id) DO NOTHING""";
    private static final String INSERT_TICKER = """
            INSERT INTO digest.article_ticker (article_id, ticker) VALUES (:id, :ticker)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_SCORE = """
            INSERT INTO digest.article_score (article_id, model_id, model_version, positive, negative, neutral,
                                              label, score, scored_at)
            VALUES (:id, :model, :version, :positive, :negative, :neutral, :label, :score, :scored)
            ON CONFLICT (article_id, model_id, model_version) DO NOTHING""";

    private final CryptoGuard crypto;
    private final ObjectMapper json;
    private final Counter cryptoDropped;

    public ArticleStore(CryptoGuard crypto, ObjectMapper json, MeterRegistry metrics) {
        this.crypto = crypto;
        this.json = json;
        this.cryptoDropped = metrics.counter("tth.digest.crypto.dropped");
    }

    /** Stores {@code event} in one transaction; emits true when its score was new, false for a redelivery. */
    public Uni<Boolean> store(ArticleScored event) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                insertArticle(session, event)
                        .chain(() -> insertTickers(session, event))
                        .chain(() -> insertScore(session, event))
                        .map(rows -> rows == 1)));
    }

    private Uni<Integer> insertArticle(Mutiny.Session session, ArticleScored e) {
        return session.createNativeQuery(INSERT_ARTICLE)
                .setParameter("id", e.articleId()).setParameter("source", e.source()).setParameter("url", e.url())
                .setParameter("title", e.title()).setParameter("summary", e.summary()).setParameter("lang", e.lang())
                .setParameter("published", e.publishedAt()).setParameter("fetched", e.fetchedAt())
                .setParameter("author", e.authorSentiment()).setParameter("evidence", evidenceJson(e))
                .setParameter("undated", e.undated())
                .executeUpdate();
    }

    private Uni<Void> insertTickers(Mutiny.Session session, ArticleScored e) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String ticker : e.tickers()) {
            if (crypto.isCrypto(ticker, e.evidence())) {
                cryptoDropped.increment();
                Log.warnf("Article %s came tagged with crypto %s; not linked (ingest's crypto filter let it through)",
                        e.articleId(), ticker);
                continue;
            }
            chain = chain.chain(() -> session.createNativeQuery(INSERT_TICKER)
                    .setParameter("id", e.articleId()).setParameter("ticker", ticker).executeUpdate()).replaceWithVoid();
        }
        return chain;
    }

    private Uni<Integer> insertScore(Mutiny.Session session, ArticleScored e) {
        return session.createNativeQuery(INSERT_SCORE)
                .setParameter("id", e.articleId()).setParameter("model", e.model().id())
                .setParameter("version", e.model().version())
                .setParameter("positive", e.sentiment().positive()).setParameter("negative", e.sentiment().negative())
                .setParameter("neutral", e.sentiment().neutral()).setParameter("label", e.label())
                .setParameter("score", e.score()).setParameter("scored", e.scoredAt())
                .executeUpdate();
    }

    private String evidenceJson(ArticleScored e) {
        try {
            return json.writeValueAsString(e.evidence() == null ? List.of() : e.evidence());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("evidence of " + e.articleId() + " cannot be written as JSON", ex);
        }
    }
}
