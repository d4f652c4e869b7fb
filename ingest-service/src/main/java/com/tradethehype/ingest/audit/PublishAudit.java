package com.tradethehype.ingest.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.Queues;
import com.tradethehype.ingest.audit.AuditReport.Outcome;
import com.tradethehype.ingest.client.DigestClient;
import com.tradethehype.ingest.client.DigestUnavailableException;
import com.tradethehype.ingest.config.AuditConfig;
import com.tradethehype.ingest.messaging.ArticlePublisher;
import com.tradethehype.ingest.repository.UnconfirmedArticles;
import com.tradethehype.ingest.repository.UnconfirmedArticles.Unconfirmed;
import com.tradethehype.messaging.QueueUnavailableException;
import com.tradethehype.messaging.SqsQueues;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Published but never stored: every {@code ingest.audit.interval}, asks digest which of the articles published more
 * than {@code grace} ago and not yet confirmed it holds; marks those confirmed, re-publishes the others' original
 * {@code ArticleIngested} (consumers are idempotent on articleId) at most {@code max-republishes} times, spaced and
 * never while the queue is deep, then reports them missing by id (ERROR log, gauge, readiness data, {@code GET /audit}).
 * When digest cannot be asked, the run changes nothing and says so.
 */
@ApplicationScoped
public class PublishAudit {

    private final AuditConfig config;
    private final UnconfirmedArticles rows;
    private final ArticlePublisher publisher;
    private final SqsQueues queues;
    private final DigestClient digest;
    private final MeterRegistry metrics;
    private final AtomicLong missingGauge = new AtomicLong();
    private final AtomicReference<AuditReport> last = new AtomicReference<>();

    public PublishAudit(AuditConfig config, UnconfirmedArticles rows, ArticlePublisher publisher, SqsQueues queues,
                        ObjectMapper json, MeterRegistry metrics) {
        this.config = config;
        this.rows = rows;
        this.publisher = publisher;
        this.queues = queues;
        this.digest = new DigestClient(config.digestUrl(), config.timeout(), json);
        this.metrics = metrics;
        metrics.gauge("ingest.audit.missing", missingGauge);
    }

    @Scheduled(identity = "publish-audit", every = "${ingest.audit.interval:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTick() {
        if (config.enabled()) {
            run(Instant.now());
        }
    }

    /** The last run's report, if any ran since start. */
    public Optional<AuditReport> last() {
        return Optional.ofNullable(last.get());
    }

    /** One audit at {@code now} against the configured digest. */
    public AuditReport run(Instant now) {
        return run(now, digest);
    }

    /** One audit at {@code now}, asking {@code digest}. */
    public AuditReport run(Instant now, DigestClient digest) {
        AuditReport report;
        Optional<AutoCloseable> lock = rows.tryLock();
        if (lock.isEmpty()) {
            report = AuditReport.nothing(now, Outcome.SKIPPED, "another ingest replica is auditing", missingGauge.get());
        } else {
            try (AutoCloseable held = lock.get()) {
                report = audit(now, digest);
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        metrics.counter("ingest.audit.runs", "outcome", report.outcome().name().toLowerCase()).increment();
        last.set(report);
        return report;
    }

    private AuditReport audit(Instant now, DigestClient digest) {
        Instant before = now.minus(config.grace());
        Instant spaced = now.minus(config.republishSpacing());
        List<Unconfirmed> due = new ArrayList<>();
        List<String> toReport = new ArrayList<>();
        int checked = 0;
        int confirmed = 0;
        Unconfirmed after = null;
        for (List<Unconfirmed> page = rows.page(before, null, config.batch()); !page.isEmpty();
             page = rows.page(before, after, config.batch())) {
            after = page.get(page.size() - 1);
            Set<String> stored;
            try {
                stored = digest.stored(page.stream().map(Unconfirmed::articleId).toList());
            } catch (DigestUnavailableException e) {
                Log.warnf("Publish audit: %s; nothing concluded, nothing re-published (%d checked before)",
                        e.getMessage(), checked);
                return finish(new AuditReport(now, Outcome.DIGEST_UNREACHABLE, e.getMessage(), checked, confirmed, 0,
                        0, List.of(), 0));
            }
            checked += page.size();
            confirmed += rows.confirm(stored, now);
            for (Unconfirmed row : page) {
                if (stored.contains(row.articleId()) || row.reportedAt() != null) {
                    continue;
                }
                if (row.lastRepublishedAt() != null && row.lastRepublishedAt().isAfter(spaced)) {
                    continue; // re-published recently: give it time to come through
                }
                if (row.event() == null || row.republished() >= config.maxRepublishes()) {
                    toReport.add(row.articleId());
                } else {
                    due.add(row);
                }
            }
        }
        report(toReport, now);
        return republish(due, now, checked, confirmed, toReport);
    }

    private void report(List<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        rows.reported(ids, now);
        metrics.counter("ingest.audit.reported").increment(ids.size());
        Log.errorf("Publish audit: %d published articles never stored by digest after %d re-deliveries, reported "
                + "missing (GET /audit lists them): %s", ids.size(), config.maxRepublishes(), String.join(", ", ids));
    }

    private AuditReport republish(List<Unconfirmed> due, Instant now, int checked, int confirmed, List<String> reported) {
        List<Unconfirmed> batch = due.subList(0, Math.min(due.size(), config.republishPerRun()));
        int deferred = due.size() - batch.size();
        if (batch.isEmpty()) {
            return finish(new AuditReport(now, Outcome.OK, "", checked, confirmed, 0, deferred, reported, 0));
        }
        int sent = 0;
        try {
            long backlog = queues.depth(Queues.ARTICLES_INGESTED);
            if (backlog > config.backlogLimit()) {
                String why = Queues.ARTICLES_INGESTED + " holds " + backlog + " messages (limit " + config.backlogLimit()
                        + "): re-publishing " + due.size() + " waits, a deep queue is slow, not lossy";
                Log.infof("Publish audit: %s", why);
                return finish(new AuditReport(now, Outcome.OK, why, checked, confirmed, 0, due.size(), reported, 0));
            }
            for (int i = 0; i < batch.size(); i += 10) {
                List<Unconfirmed> chunk = batch.subList(i, Math.min(batch.size(), i + 10));
                publisher.publishBodies(chunk.stream().map(Unconfirmed::event).toList());
                rows.republished(chunk.stream().map(Unconfirmed::articleId).toList(), now);
                sent += chunk.size();
            }
        } catch (QueueUnavailableException e) {
            Log.errorf("Publish audit: re-publishing stopped after %d of %d: %s", sent, batch.size(), e.getMessage());
            metrics.counter("ingest.audit.republished").increment(sent);
            return finish(new AuditReport(now, Outcome.QUEUE_UNAVAILABLE, e.getMessage(), checked, confirmed, sent,
                    due.size() - sent, reported, 0));
        }
        metrics.counter("ingest.audit.republished").increment(sent);
        Log.warnf("Publish audit: re-published %d articles not stored by digest %s after publishing: %s", sent,
                config.grace(), String.join(", ", batch.stream().map(Unconfirmed::articleId).toList()));
        return finish(new AuditReport(now, Outcome.OK, "", checked, confirmed, sent, deferred, reported, 0));
    }

    private AuditReport finish(AuditReport report) {
        long missing = rows.countMissing();
        missingGauge.set(missing);
        return new AuditReport(report.ranAt(), report.outcome(), report.detail(), report.checked(), report.confirmed(),
                report.republished(), report.deferred(), report.reported(), missing);
    }
}
