package com.tradethehype.digest.signal;

import com.tradethehype.contracts.ModelRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Set-based reads behind the signals: one aggregate query per question, whatever the number of tickers, so that
 * 5,000 tickers over 200,000 articles take a few queries rather than thousands.
 */
@ApplicationScoped
public class SignalQueries {

    /** Totals of one window. */
    public record Totals(int articles, int sources) {
    }

    private final Pool pool;

    public SignalQueries(Pool pool) {
        this.pool = pool;
    }

    /** The model that scored most articles published in the window (ties: by id), if any scored at all. */
    public Uni<Optional<ModelRef>> dominantModel(Instant start, Instant end) {
        return pool.preparedQuery("""
                        SELECT s.model_id, s.model_version, count(*) AS n
                        FROM digest.article a JOIN digest.article_score s ON s.article_id = a.article_id
                        WHERE a.published_at >= $1 AND a.published_at < $2
                        GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 1""")
                .execute(Tuple.of(at(start), at(end)))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new ModelRef(rows.iterator().next().getString(0), rows.iterator().next().getString(1))));
    }

    /** Articles and distinct sources published in the window. */
    public Uni<Totals> totals(Instant start, Instant end) {
        return pool.preparedQuery("""
                        SELECT count(*), count(DISTINCT source) FROM digest.article
                        WHERE published_at >= $1 AND published_at < $2""")
                .execute(Tuple.of(at(start), at(end)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Totals(row.getLong(0).intValue(), row.getLong(1).intValue());
                });
    }

    /** Articles published in the window that {@code model} scored. */
    public Uni<Integer> scoredArticles(Instant start, Instant end, ModelRef model) {
        return pool.preparedQuery("""
                        SELECT count(*) FROM digest.article a JOIN digest.article_score s ON s.article_id = a.article_id
                        WHERE a.published_at >= $1 AND a.published_at < $2 AND s.model_id = $3 AND s.model_version = $4""")
                .execute(Tuple.of(at(start), at(end), model.id(), model.version()))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    /** Per ticker: mentions, sources, and the sentiment of {@code model}'s scores in the window. */
    public Uni<List<TickerDay>> tickerDays(Instant start, Instant end, ModelRef model) {
        return pool.preparedQuery("""
                        SELECT t.ticker, count(*) AS mentions, count(DISTINCT a.source) AS sources,
                               count(s.article_id) AS scored, avg(s.score) AS mean_score,
                               avg(CASE WHEN s.label = 'positive' THEN 1.0 WHEN s.article_id IS NOT NULL THEN 0.0 END),
                               avg(CASE WHEN s.label = 'negative' THEN 1.0 WHEN s.article_id IS NOT NULL THEN 0.0 END),
                               count(*) FILTER (WHERE a.author_sentiment IN ('Bullish', 'Bearish')),
                               count(*) FILTER (WHERE a.author_sentiment = 'Bullish')
                        FROM digest.article a
                        JOIN digest.article_ticker t ON t.article_id = a.article_id
                        LEFT JOIN digest.article_score s ON s.article_id = a.article_id
                             AND s.model_id = $3 AND s.model_version = $4
                        WHERE a.published_at >= $1 AND a.published_at < $2
                        GROUP BY t.ticker""")
                .execute(Tuple.of(at(start), at(end), model.id(), model.version()))
                .map(rows -> {
                    List<TickerDay> days = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        days.add(new TickerDay(r.getString(0), r.getLong(1).intValue(), r.getLong(2).intValue(),
                                r.getLong(3).intValue(), number(r, 4), number(r, 5), number(r, 6),
                                r.getLong(7).intValue(), r.getLong(8).intValue()));
                    }
                    return days;
                });
    }

    /**
     * Daily mentions of {@code tickers} on each of the {@code days} days before {@code windowStart}: index 0 is
     * the day right before the window.
     */
    public Uni<Map<String, int[]>> dailyMentions(Instant windowStart, int days, Duration day, List<String> tickers) {
        Instant from = windowStart.minus(day.multipliedBy(days));
        return pool.preparedQuery("""
                        SELECT t.ticker, floor(extract(epoch FROM ($2 - a.published_at)) / $4)::int AS back, count(*)
                        FROM digest.article a JOIN digest.article_ticker t ON t.article_id = a.article_id
                        WHERE a.published_at >= $1 AND a.published_at < $2 AND t.ticker = ANY($3)
                        GROUP BY 1, 2""")
                .execute(Tuple.of(at(from), at(windowStart), tickers.toArray(String[]::new), day.toSeconds()))
                .map(rows -> {
                    Map<String, int[]> daily = new HashMap<>();
                    for (Row r : rows) {
                        int back = r.getInteger(1);
                        if (back >= 0 && back < days) {
                            daily.computeIfAbsent(r.getString(0), k -> new int[days])[back] += r.getLong(2).intValue();
                        }
                    }
                    return daily;
                });
    }

    /** When the first article was stored, i.e. since when the system has been collecting. */
    public Uni<Optional<Instant>> firstStored() {
        return pool.query("SELECT min(stored_at) FROM digest.article").execute()
                .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime(0)).map(OffsetDateTime::toInstant));
    }

    /**
     * For each of {@code tickers}, up to {@code n} headlines in each order that can matter (highest score, lowest
     * score, newest), scored by {@code model}; the caller picks by the signal's kind.
     */
    public Uni<Map<String, List<RankedHeadline>>> headlines(Instant start, Instant end, ModelRef model,
                                                           List<String> tickers, int n) {
        return pool.preparedQuery("""
                        SELECT * FROM (
                          SELECT t.ticker, a.title, a.url, a.source, a.published_at, s.score,
                                 row_number() OVER (PARTITION BY t.ticker ORDER BY s.score DESC NULLS LAST, a.published_at DESC, a.article_id) AS hi,
                                 row_number() OVER (PARTITION BY t.ticker ORDER BY s.score ASC NULLS LAST, a.published_at DESC, a.article_id) AS lo,
                                 row_number() OVER (PARTITION BY t.ticker ORDER BY a.published_at DESC, a.article_id) AS recent,
                                 a.undated
                          FROM digest.article a
                          JOIN digest.article_ticker t ON t.article_id = a.article_id
                          LEFT JOIN digest.article_score s ON s.article_id = a.article_id
                               AND s.model_id = $4 AND s.model_version = $5
                          WHERE a.published_at >= $1 AND a.published_at < $2 AND t.ticker = ANY($3)) ranked
                        WHERE hi <= $6 OR lo <= $6 OR recent <= $6""")
                .execute(Tuple.from(List.of(at(start), at(end), tickers.toArray(String[]::new), model.id(),
                        model.version(), n)))
                .map(rows -> {
                    Map<String, List<RankedHeadline>> byTicker = new HashMap<>();
                    for (Row r : rows) {
                        var headline = new Headline(r.getString(1), r.getString(2), r.getString(3), number(r, 5),
                                r.getOffsetDateTime(4).toInstant(), r.getBoolean(9));
                        byTicker.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new RankedHeadline(
                                headline, r.getLong(6).intValue(), r.getLong(7).intValue(), r.getLong(8).intValue()));
                    }
                    return byTicker;
                });
    }

    /** A headline with its rank by highest score, lowest score and recency within its ticker. */
    public record RankedHeadline(Headline headline, int high, int low, int recent) {
    }

    private static Double number(Row row, int column) {
        Object value = row.getValue(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
