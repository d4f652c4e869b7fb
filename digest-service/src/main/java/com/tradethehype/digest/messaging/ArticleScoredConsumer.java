package com.tradethehype.digest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleScored;
import com.tradethehype.contracts.Queues;
import com.tradethehype.digest.config.DigestConfig;
import com.tradethehype.digest.repository.ArticleStore;
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
                failed.increment();
                Log.errorf("Could not store message %s from %s (receive %s of %d before dead-lettering): %s",
                        message.messageId(), Queues.ARTICLES_SCORED, message.attributesAsStrings()
                                .getOrDefault("ApproximateReceiveCount", "?"), Queues.MAX_RECEIVES, e.getMessage());
            }
        }
        return done;
    }
}
