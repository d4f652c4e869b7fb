package com.tradethehype.digest.service;

import com.tradethehype.digest.config.DigestConfig;
import com.tradethehype.digest.signal.DayResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes a bad digest day loud: an ERROR log, a metric, a readiness detail ({@link #current()}) and a mail to the
 * configured admin address. Never a digest that pretends the day was normal.
 */
@ApplicationScoped
public class Alerts {

    private final DigestConfig config;
    private final ReactiveMailer mailer;
    private final Counter noDataDays;
    private final Counter unsentRuns;
    private final AtomicReference<String> current = new AtomicReference<>();

    public Alerts(DigestConfig config, ReactiveMailer mailer, MeterRegistry metrics) {
        this.config = config;
        this.mailer = mailer;
        this.noDataDays = metrics.counter("tth.digest.no_data_days");
        this.unsentRuns = metrics.counter("tth.digest.unsent_runs");
    }

    /** The alert of the latest digest run, or null when it went well. */
    public String current() {
        return current.get();
    }

    /** The latest run went well: clears the readiness alert. */
    public void clear() {
        current.set(null);
    }

    void noData(DayResult day) {
        noDataDays.increment();
        String text = "No digest was mailed for " + day.window().date() + ": no scored article was published between "
                + day.window().start() + " and " + day.window().end() + " (" + day.articles()
                + " unscored articles). The pipeline (ingest, sentiment or the queue to digest-service) is not "
                + "delivering; check ./tth status or the ops status.";
        raise("TradeTheHype ALERT: no digest for " + day.window().date() + " (no scored articles)", text);
    }

    void unsent(SendReport report) {
        unsentRuns.increment();
        String text = "The digest of " + report.date() + " reached " + report.sent() + " subscribers but not "
                + report.unsent() + " (" + report.failed() + " failed and will be retried, " + report.gaveUp()
                + " given up, " + report.pending() + " not tried). The delivery table digest.delivery has the "
                + "last error of each; a re-run of send-digest sends only what is missing.";
        raise("TradeTheHype ALERT: " + report.unsent() + " subscribers without the digest of " + report.date(), text);
    }

    private void raise(String subject, String text) {
        current.set(text);
        Log.error(text);
        if (config.mail().adminEmail().isEmpty()) {
            Log.error("No admin address configured (digest.mail.admin-email): the alert above was not mailed");
            return;
        }
        try {
            mailer.send(Mail.withText(config.mail().adminEmail().get(), subject, text))
                    .await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            Log.errorf("The alert mail to %s could not be sent: %s", config.mail().adminEmail().get(), e.getMessage());
        }
    }
}
