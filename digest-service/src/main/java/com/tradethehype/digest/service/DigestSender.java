package com.tradethehype.digest.service;

import com.tradethehype.digest.Subscriber;
import com.tradethehype.digest.config.DigestConfig;
import com.tradethehype.digest.mail.DigestMailRenderer;
import com.tradethehype.digest.repository.DigestRepository.StoredDay;
import com.tradethehype.digest.signal.DayResult;
import com.tradethehype.digest.signal.SignalQueries;
import com.tradethehype.digest.signal.TickerDay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a digest day to every active subscriber, once. Each subscriber's delivery row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and stays locked while its SMTP call runs; the outcome is written in the same
 * transaction. A second sender at the same time skips locked rows; a crashed sender's locks vanish with its
 * connection, so a re-run sends exactly what is missing. The one window left: the SMTP server accepted a mail
 * and the process died before the commit. That mail is sent again, with the same Message-ID
 * ({@code <digest-DATE-SUBSCRIBER@domain>}), so the duplicate is recognisable.
 */
@ApplicationScoped
public class DigestSender {

    private static final Duration SMTP_DEADLINE = Duration.ofSeconds(60);

    private final Pool pool;
    private final DigestDays days;
    private final SignalQueries queries;
    private final DigestMailRenderer renderer;
    private final ReactiveMailer mailer;
    private final DigestConfig config;
    private final Alerts alerts;
    private final Counter sentCounter;
    private final Counter failedCounter;
    private final AtomicReference<SendReport> lastReport = new AtomicReference<>();

    public DigestSender(Pool pool, DigestDays days, SignalQueries queries, DigestMailRenderer renderer,
                        ReactiveMailer mailer, DigestConfig config, Alerts alerts, MeterRegistry metrics) {
        this.pool = pool;
        this.days = days;
        this.queries = queries;
        this.renderer = renderer;
        this.mailer = mailer;
        this.config = config;
        this.alerts = alerts;
        this.sentCounter = metrics.counter("tth.digest.mails.sent");
        this.failedCounter = metrics.counter("tth.digest.mails.failed");
        metrics.gauge("tth.digest.last.unsent", lastReport, r -> r.get() == null ? 0 : r.get().unsent());
    }

    /** The report of the last run in this process, if any. */
    public Optional<SendReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    /** Computes (or reuses) {@code date}'s signals and mails every active subscriber who lacks them. Blocking. */
    public SendReport send(LocalDate date) {
        StoredDay day = days.ensure(date).await().atMost(Duration.ofMinutes(5));
        if (DigestDays.NO_DATA.equals(day.status())) {
            SendReport report = new SendReport(date, day.status(), 0, 0, 0, 0);
            lastReport.set(report);
            alerts.noData(day.result());
            return report;
        }
        enqueue(date);
        Map<String, TickerDay> tickerDays = tickerDays(day.result());
        Instant deadline = Instant.now().plus(config.mail().runDeadline());
        ExecutorService workers = Executors.newFixedThreadPool(config.mail().concurrency(), r -> {
            Thread t = new Thread(r, "digest-sender");
            t.setDaemon(true);
            return t;
        });
        try {
            while (true) {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < config.mail().concurrency(); i++) {
                    running.add(workers.submit(() -> drainClaims(day.result(), tickerDays)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                Optional<Instant> retryAt = nextRetry(date);
                if (retryAt.isEmpty() || retryAt.get().isAfter(deadline)) {
                    break;
                }
                sleepUntil(retryAt.get());
            }
        } catch (Exception e) {
            Log.errorf(e, "Sending the digest of %s stopped early", date);
        } finally {
            workers.shutdownNow();
        }
        SendReport report = report(date, day.status());
        lastReport.set(report);
        Log.infof("Digest %s (%s): %d sent, %d failed, %d given up, %d pending", date, day.status(), report.sent(),
                report.failed(), report.gaveUp(), report.pending());
        if (report.unsent() > 0) {
            alerts.unsent(report);
        } else {
            alerts.clear();
        }
        return report;
    }

    private void enqueue(LocalDate date) {
        pool.preparedQuery("""
                        INSERT INTO digest.delivery (digest_date, subscriber_id, message_id)
                        SELECT $1, id, '<digest-' || $3 || '-' || id || '@' || $2 || '>'
                        FROM digest.subscriber WHERE active
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(date, config.mail().messageIdDomain(), date.toString())).await().atMost(Duration.ofMinutes(1));
    }

    private Map<String, TickerDay> tickerDays(DayResult day) {
        if (day.model() == null) {
            return Map.of();
        }
        Map<String, TickerDay> map = new HashMap<>();
        queries.tickerDays(day.window().start(), day.window().end(), day.model()).await().atMost(Duration.ofMinutes(1))
                .forEach(d -> map.put(d.ticker(), d));
        return map;
    }

    /** Claims and sends small batches of subscribers until nothing is claimable. */
    private void drainClaims(DayResult day, Map<String, TickerDay> tickerDays) {
        while (pool.withTransaction(tx -> claimAndSend(tx, day, tickerDays))
                .await().atMost(SMTP_DEADLINE.multipliedBy(config.mail().claimBatch()).plusSeconds(30))) {
            // next batch
        }
    }

    /**
     * Locks up to {@code claim-batch} open deliveries (skipping rows another sender holds), sends each and writes
     * its outcome; all in one transaction that commits when the batch is done.
     */
    private Uni<Boolean> claimAndSend(SqlConnection tx, DayResult day, Map<String, TickerDay> tickerDays) {
        return tx.preparedQuery("""
                        SELECT d.subscriber_id, d.attempts, d.message_id, s.email, s.active, s.watchlist, s.created_at
                        FROM digest.delivery d JOIN digest.subscriber s ON s.id = d.subscriber_id
                        WHERE d.digest_date = $1 AND d.status IN ('PENDING', 'FAILED') AND d.next_attempt_at <= now()
                              AND s.active
                        ORDER BY d.next_attempt_at LIMIT $2
                        FOR UPDATE OF d SKIP LOCKED""")
                .execute(Tuple.of(day.window().date(), config.mail().claimBatch()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Row row : rows) {
                        Subscriber subscriber = new Subscriber(row.getLong(0), row.getString(3), row.getBoolean(4),
                                List.of(row.getArrayOfStrings(5)), row.getOffsetDateTime(6).toInstant());
                        int attempts = row.getInteger(1) + 1;
                        String messageId = row.getString(2);
                        chain = chain.chain(() -> Uni.createFrom().deferred(() ->
                                        deliver(subscriber, messageId, day, tickerDays))
                                .chain(() -> markSent(tx, day, subscriber.id(), attempts))
                                .onFailure().recoverWithUni(e -> markFailed(tx, day, subscriber, attempts, e)));
                    }
                    return chain.replaceWith(true);
                });
    }

    private Uni<Void> deliver(Subscriber subscriber, String messageId, DayResult day, Map<String, TickerDay> tickerDays) {
        DigestMailRenderer.Rendered mail = renderer.render(day, Optional.of(subscriber), tickerDays);
        Mail message = Mail.withHtml(subscriber.email(), mail.subject(), mail.html()).setText(mail.text())
                .addHeader("Message-ID", messageId);
        String unsubscribe = renderer.unsubscribeUrl(subscriber);
        message.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        return mailer.send(message).ifNoItem().after(SMTP_DEADLINE).fail();
    }

    private Uni<Void> markSent(SqlConnection tx, DayResult day, long subscriberId, int attempts) {
        sentCounter.increment();
        return tx.preparedQuery("""
                        UPDATE digest.delivery SET status = 'SENT', attempts = $3, sent_at = now(), last_error = NULL
                        WHERE digest_date = $1 AND subscriber_id = $2""")
                .execute(Tuple.of(day.window().date(), subscriberId, attempts)).replaceWithVoid();
    }

    private Uni<Void> markFailed(SqlConnection tx, DayResult day, Subscriber subscriber, int attempts, Throwable e) {
        failedCounter.increment();
        boolean giveUp = attempts >= config.mail().maxAttempts();
        Duration backoff = config.mail().retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Log.warnf("Digest %s to subscriber %d failed (attempt %d of %d%s): %s", day.window().date(), subscriber.id(),
                attempts, config.mail().maxAttempts(), giveUp ? ", giving up" : ", retry in " + backoff, reason);
        return tx.preparedQuery("""
                        UPDATE digest.delivery SET status = $3, attempts = $4, last_error = $5,
                               next_attempt_at = now() + make_interval(secs => $6)
                        WHERE digest_date = $1 AND subscriber_id = $2""")
                .execute(Tuple.from(List.of(day.window().date(), subscriber.id(), giveUp ? "GAVE_UP" : "FAILED",
                        attempts, reason.length() > 500 ? reason.substring(0, 500) : reason,
                        backoff.toMillis() / 1000.0)))
                .replaceWithVoid();
    }

    private Optional<Instant> nextRetry(LocalDate date) {
        Row row = pool.preparedQuery("""
                        SELECT min(d.next_attempt_at) FROM digest.delivery d
                        JOIN digest.subscriber s ON s.id = d.subscriber_id
                        WHERE d.digest_date = $1 AND d.status = 'FAILED' AND s.active""")
                .execute(Tuple.of(date)).await().atMost(Duration.ofSeconds(30)).iterator().next();
        return Optional.ofNullable(row.getOffsetDateTime(0)).map(t -> t.toInstant());
    }

    /** Counts per status over the day's deliveries to subscribers who are still active. */
    public SendReport report(LocalDate date, String status) {
        Map<String, Integer> counts = new HashMap<>();
        pool.preparedQuery("""
                        SELECT d.status, count(*) FROM digest.delivery d JOIN digest.subscriber s ON s.id = d.subscriber_id
                        WHERE d.digest_date = $1 AND (s.active OR d.status = 'SENT') GROUP BY d.status""")
                .execute(Tuple.of(date)).await().atMost(Duration.ofSeconds(30))
                .forEach(r -> counts.put(r.getString(0), r.getLong(1).intValue()));
        return new SendReport(date, status, counts.getOrDefault("SENT", 0), counts.getOrDefault("FAILED", 0),
                counts.getOrDefault("GAVE_UP", 0), counts.getOrDefault("PENDING", 0));
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
