package com.tradethehype.digest.repository;

import com.tradethehype.contracts.ModelRef;
import com.tradethehype.digest.rest.TickerResponse.DayPoint;
import com.tradethehype.digest.rest.TickerResponse.ScoredHeadline;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One ticker's recent history: daily mentions and sentiment, and its latest headlines with their scores. */
@ApplicationScoped
public class TickerQueries {

    private final Pool pool;

    public TickerQueries(Pool pool) {
        this.pool = pool;
    }

    /** True when any article was ever stored for {@code ticker}. */
    public Uni<Boolean> known(String ticker) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM digest.article_ticker WHERE ticker = $1)")
                .execute(Tuple.of(ticker)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** One point per calendar day in {@code zone} from {@code from} to {@code to}, zero-filled. */
    public Uni<List<DayPoint>> daily(String ticker, LocalDate from, LocalDate to, ZoneId zone) {
        return pool.preparedQuery("""
                        SELECT (a.published_at AT TIME ZONE $4)::date AS day, count(*), avg(s.score)
                        FROM digest.article a
                        JOIN digest.article_ticker t ON t.article_id = a.article_id
                        LEFT JOIN LATERAL (SELECT score FROM digest.article_score x WHERE x.article_id = a.article_id
                                           ORDER BY x.scored_at DESC LIMIT 1) s ON true
                        WHERE t.ticker = $1 AND a.published_at >= $2 AND a.published_at < $3
                        GROUP BY 1""")
                .execute(Tuple.of(ticker, from.atStartOfDay(zone).toOffsetDateTime(),
                        to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), zone.getId()))
                .map(rows -> {
                    Map<LocalDate, DayPoint> byDay = new HashMap<>();
                    for (Row r : rows) {
                        Object mean = r.getValue(2);
                        byDay.put(r.getLocalDate(0), new DayPoint(r.getLocalDate(0), r.getLong(1).intValue(),
                                mean == null ? null : ((Number) mean).doubleValue()));
                    }
                    List<DayPoint> points = new ArrayList<>();
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        points.add(byDay.getOrDefault(d, new DayPoint(d, 0, null)));
                    }
                    return points;
                });
    }

    /** The {@code limit} newest headlines of {@code ticker}, each with its latest score. */
    public Uni<List<ScoredHeadline>> headlines(String ticker, int limit) {
        return pool.preparedQuery("""
                        SELECT a.article_id, a.title, a.url, a.source, a.published_at, s.label, s.score, s.positive,
                               s.negative, s.neutral, s.model_id, s.model_version, a.undated
                        FROM digest.article a
                        JOIN digest.article_ticker t ON t.article_id = a.article_id
                        LEFT JOIN LATERAL (SELECT * FROM digest.article_score x WHERE x.article_id = a.article_id
                                           ORDER BY x.scored_at DESC LIMIT 1) s ON true
                        WHERE t.ticker = $1 ORDER BY a.published_at DESC, a.article_id LIMIT $2""")
                .execute(Tuple.of(ticker, limit))
                .map(rows -> {
                    List<ScoredHeadline> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new ScoredHeadline(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                                r.getOffsetDateTime(4).toInstant(), r.getString(5), r.getDouble(6), r.getDouble(7),
                                r.getDouble(8), r.getDouble(9),
                                r.getString(10) == null ? null : new ModelRef(r.getString(10), r.getString(11)),
                                r.getBoolean(12)));
                    }
                    return list;
                });
    }
}
