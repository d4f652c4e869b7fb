package com.tradethehype.digest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleScored;
import com.tradethehype.contracts.Queues;
import com.tradethehype.digest.config.DigestConfig;
import com.tradethehype.digest.repository.ArticleStore;
import com.tradethehype.messaging.DependencyUnavailableException;
import com.tradethehype.messaging.PollerSettings;
import com.tradethehype.messaging.SqsPoller;
import com.tradethehype.messaging.SqsQueues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Consumes {@code tth-articles-scored}: each message is stored in its own transaction and deleted only after
 * that commits. A message that cannot be parsed or stored stays on the queue and reaches the dead-letter queue
 * after {@link Queues#MAX_RECEIVES} receives; the others keep flowing.
 */
@ApplicationScoped
public class ArticleScoredConsumer {

    private final SqsQueues queues;
    private final ArticleStore store;
    private final ObjectMapper json;
    private final DigestConfig config;
    private final Counter stored;
    private final Counter redelivered;
    private final Counter failed;
    private SqsPoller poller;

    public ArticleScoredConsumer(SqsQueues queues, ArticleStore store, ObjectMapper json, DigestConfig config,
                                 MeterRegistry metrics) {
        this.queues = queues;
        this.store = store;
        this.json = json;
        this.config = config;
        this.stored = metrics.counter("tth.digest.articles.stored");
        this.redelivered = metrics.counter("tth.digest.articles.redelivered");
        this.failed = metrics.counter("tth.digest.articles.failed");
    }

    void start(@Observes StartupEvent event) {
        var c = config.consumer();
        if (!c.enabled()) {
            Log.info("Consumer of " + Queues.ARTICLES_SCORED + " disabled by configuration");
            return;
        }
        var settings = new PollerSettings(Queues.ARTICLES_SCORED, c.batchSize(), c.maxWait(), c.visibilityTimeout(),
                Duration.ofSeconds(5));
        poller = new SqsPoller(queues, settings, this::handle).start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.close();
        }
    }

    /** The running poller, if consuming is enabled. */
    public Optional<SqsPoller> poller() {
        return Optional.ofNullable(poller);
    }

    List<Message> handle(List<Message> batch) {
        List<Message> done = new ArrayList<>();
        for (Message message : batch) {
            try {
                ArticleScored event = json.readValue(message.body(), ArticleScored.class);
                boolean isNew = VertxContextSupport.subscribeAndAwait(() -> store.store(event));
                (isNew ? stored : redelivered).increment();
                done.add(message);
            } catch (Throwable e) {
                if (isConnectionFailure(e)) {
                    // the database is down: hold the whole batch (stored ones are idempotent) instead of burning receives
                    throw new DependencyUnavailableException("database unreachable: " + e.getMessage(), e);
                }
                failed.increment();
                Log.errorf("Could not store message %s from %s (receive %s of %d before dead-lettering): %s",
                        message.messageId(), Queues.ARTICLES_SCORED, message.attributesAsStrings()
                                .getOrDefault("ApproximateReceiveCount", "?"), Queues.MAX_RECEIVES, e.getMessage());
            }
        }
        return done;
    }

    /** True for failures that say the database cannot be reached, not that this message is bad. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.vertx.core.impl.NoStackTraceThrowable && String.valueOf(t.getMessage())
                    .contains("connection")) {
                return true;
            }
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("connection refused") || message.contains("connection reset")
                    || message.contains("failed to obtain connection") || message.contains("connection is closed")
                    || message.contains("closed connection")) {
                return true;
            }
        }
        return false;
    }
}
