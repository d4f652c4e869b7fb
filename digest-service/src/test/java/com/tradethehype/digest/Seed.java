package com.tradethehype.digest;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes stored articles straight into the digest schema, with a chosen {@code stored_at}, so that tests can lay
 * down days of history in a moment. The consumer path itself is tested by ArticleFlowTest and DigestFlowTest.
 */
public final class Seed {

    private final Pool pool;

    public Seed(Pool pool) {
        this.pool = pool;
    }

    /** An article about {@code ticker} from {@code source}, scored by {@code model} v1 with the given probabilities. */
    public String article(String ticker, String source, Instant published, double positive, double negative,
                          String title, String author) {
        String id = UUID.randomUUID().toString();
        double neutral = Math.max(0, 1 - positive - negative);
        String label = positive >= negative && positive >= neutral ? "positive" : negative >= neutral ? "negative" : "neutral";
        var at = published.atOffset(ZoneOffset.UTC);
        pool.preparedQuery("""
                        INSERT INTO digest.article (article_id, source, url, title, summary, lang, published_at,
                                                    fetched_at, stored_at, author_sentiment)
                        VALUES ($1, $2, $3, $4, '', 'en', $5, $5, $5, $6)""")
                .execute(Tuple.from(Arrays.asList(id, source, "https://news.example.com/" + id, title, at, author)))
                .await().atMost(Duration.ofSeconds(10));
        pool.preparedQuery("INSERT INTO digest.article_ticker (article_id, ticker) VALUES ($1, $2)")
                .execute(Tuple.of(id, ticker)).await().atMost(Duration.ofSeconds(10));
        pool.preparedQuery("""
                        INSERT INTO digest.article_score (article_id, model_id, model_version, positive, negative,
                                                          neutral, label, score, scored_at)
                        VALUES ($1, 'tth-test-model', '1', $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(Arrays.asList(id, positive, negative, neutral, label, positive - negative, at)))
                .await().atMost(Duration.ofSeconds(10));
        return id;
    }

    public String article(String ticker, String source, Instant published, double positive, double negative) {
        return article(ticker, source, published, positive, negative, ticker + " headline " + UUID.randomUUID(), null);
    }

    /** A unique upper-case symbol for one test. */
    public static String ticker() {
        return "Z" + UUID.randomUUID().toString().replaceAll("[^A-Z0-9a-z]", "").substring(0, 6).toUpperCase();
    }
}
