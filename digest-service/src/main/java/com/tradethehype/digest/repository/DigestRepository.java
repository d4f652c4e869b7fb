package com.tradethehype.digest.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ModelRef;
import com.tradethehype.digest.config.DigestConfig;
import com.tradethehype.digest.signal.Baseline;
import com.tradethehype.digest.signal.DayResult;
import com.tradethehype.digest.signal.DigestWindow;
import com.tradethehype.digest.signal.Headline;
import com.tradethehype.digest.signal.Signal;
import com.tradethehype.digest.signal.SignalKind;
import com.tradethehype.digest.signal.TickerDay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Digest days and their signals, as computed once per day and then read by senders and the API. */
@ApplicationScoped
public class DigestRepository {

    /** A stored digest day: its status, when it was made, and the numbers behind it. */
    public record StoredDay(String status, Instant generatedAt, DayResult result) {
    }

    private static final TypeReference<List<Headline>> HEADLINES = new TypeReference<>() {
    };
    private static final String SIGNAL_COLUMNS = """
            ticker, kind, confidence, mentions, sources, scored, mean_score, positive_share, negative_share,
            author_tagged, author_bullish_share, history_days, baseline_mean, baseline_std, z_score, explanation,
            headlines::text""";

    private final Pool pool;
    private final ObjectMapper json;
    private final DigestConfig config;

    public DigestRepository(Pool pool, ObjectMapper json, DigestConfig config) {
        this.pool = pool;
        this.json = json;
        this.config = config;
    }

    public Pool pool() {
        return pool;
    }

    /** Replaces the stored day {@code result.window().date()} with {@code result}, inside {@code tx}. */
    public Uni<Void> save(SqlClient tx, DayResult result, String status) {
        DigestWindow w = result.window();
        Tuple day = Tuple.from(Arrays.asList(w.date(), status, at(w.start()), at(w.end()), result.articles(),
                result.sources(), result.scored(), result.model() == null ? null : result.model().id(),
                result.model() == null ? null : result.model().version(), result.historyDays()));
        List<Tuple> rows = new ArrayList<>();
        for (Signal s : result.signals()) {
            TickerDay d = s.day();
            Baseline b = s.baseline();
            rows.add(Tuple.from(Arrays.asList(w.date(), d.ticker(), s.kind().name(), s.confidence(), d.mentions(),
                    d.sources(), d.scored(), d.meanScore(), d.positiveShare(), d.negativeShare(), d.authorTagged(),
                    d.authorBullishShare(), b.historyDays(), b.mean(), b.std(), b.zScore(), s.explanation(),
                    write(s.headlines()))));
        }
        Uni<Void> saved = tx.preparedQuery("DELETE FROM digest.digest WHERE digest_date = $1").execute(Tuple.of(w.date()))
                .chain(() -> tx.preparedQuery("""
                        INSERT INTO digest.digest (digest_date, status, window_start, window_end, articles, sources,
                                                   scored, model_id, model_version, history_days)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""").execute(day)).replaceWithVoid();
        if (rows.isEmpty()) {
            return saved;
        }
        return saved.chain(() -> tx.preparedQuery("""
                INSERT INTO digest.signal (digest_date, ticker, kind, confidence, mentions, sources, scored, mean_score,
                    positive_share, negative_share, author_tagged, author_bullish_share, history_days, baseline_mean,
                    baseline_std, z_score, explanation, headlines)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::text::jsonb)""")
                .executeBatch(rows)).replaceWithVoid();
    }

    /** The stored day {@code date} with all its signals, read through {@code client} (a transaction or the pool). */
    public Uni<Optional<StoredDay>> find(SqlClient client, LocalDate date) {
        return find(client, date, true);
    }

    /** The stored day {@code date} without its signals (for callers that read them filtered themselves). */
    public Uni<Optional<StoredDay>> findSummary(SqlClient client, LocalDate date) {
        return find(client, date, false);
    }

    private Uni<Optional<StoredDay>> find(SqlClient client, LocalDate date, boolean withSignals) {
        return client.preparedQuery("""
                        SELECT status, generated_at, window_start, window_end, articles, sources, scored, model_id,
                               model_version, history_days FROM digest.digest WHERE digest_date = $1""")
                .execute(Tuple.of(date))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<StoredDay>empty());
                    }
                    Row r = rows.iterator().next();
                    Uni<List<Signal>> signals = withSignals ? signals(client, date, Optional.empty(), 10_000)
                            : Uni.createFrom().item(List.of());
                    return signals.map(list -> Optional.of(new StoredDay(
                            r.getString(0), r.getOffsetDateTime(1).toInstant(), new DayResult(
                            new DigestWindow(date, r.getOffsetDateTime(2).toInstant(), r.getOffsetDateTime(3).toInstant()),
                            r.getInteger(4), r.getInteger(5), r.getInteger(6),
                            r.getString(7) == null ? null : new ModelRef(r.getString(7), r.getString(8)),
                            r.getInteger(9), list))));
                });
    }

    /** The most recent stored digest day, if any. */
    public Uni<Optional<LocalDate>> latestDate() {
        return pool.query("SELECT max(digest_date) FROM digest.digest").execute()
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate(0)));
    }

    /** Signals of {@code date}, optionally of one kind, strongest first. */
    public Uni<List<Signal>> signals(SqlClient client, LocalDate date, Optional<SignalKind> kind, int limit) {
        return client.preparedQuery("SELECT " + SIGNAL_COLUMNS + " FROM digest.signal WHERE digest_date = $1"
                        + " AND ($2::text IS NULL OR kind = $2) ORDER BY kind, confidence DESC, mentions DESC, ticker"
                        + " LIMIT $3")
                .execute(Tuple.of(date, kind.map(Enum::name).orElse(null), limit))
                .map(rows -> {
                    List<Signal> signals = new ArrayList<>();
                    rows.forEach(r -> signals.add(signal(r)));
                    return signals;
                });
    }

    /** One ticker's signals over the digest days from {@code since}, newest first. */
    public Uni<List<DatedSignal>> history(String ticker, LocalDate since) {
        return pool.preparedQuery("SELECT digest_date, " + SIGNAL_COLUMNS
                        + " FROM digest.signal WHERE ticker = $1 AND digest_date >= $2 ORDER BY digest_date DESC")
                .execute(Tuple.of(ticker, since))
                .map(rows -> {
                    List<DatedSignal> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new DatedSignal(r.getLocalDate(0), signal(r, 1)));
                    }
                    return list;
                });
    }

    /** A signal with its digest day. */
    public record DatedSignal(LocalDate date, Signal signal) {
    }

    private Signal signal(Row r) {
        return signal(r, 0);
    }

    private Signal signal(Row r, int o) {
        var day = new TickerDay(r.getString(o), r.getInteger(o + 3), r.getInteger(o + 4), r.getInteger(o + 5),
                r.getDouble(o + 6), r.getDouble(o + 7), r.getDouble(o + 8), r.getInteger(o + 9),
                (int) Math.round(r.getInteger(o + 9) * Optional.ofNullable(r.getDouble(o + 10)).orElse(0.0)));
        var baseline = new Baseline(r.getInteger(o + 11), config.signals().baselineDays(), r.getDouble(o + 12),
                r.getDouble(o + 13), r.getDouble(o + 14));
        return new Signal(day, baseline, SignalKind.valueOf(r.getString(o + 1)), r.getDouble(o + 2),
                r.getString(o + 15), read(r.getString(o + 16)));
    }

    private String write(List<Headline> headlines) {
        try {
            return json.writeValueAsString(headlines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headlines cannot be written as JSON", e);
        }
    }

    private List<Headline> read(String text) {
        try {
            return json.readValue(text, HEADLINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headlines are not valid JSON", e);
        }
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
