package com.tradethehype.sentiment.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.contracts.ArticleScored;
import com.tradethehype.contracts.ModelRef;
import com.tradethehype.contracts.Queues;
import com.tradethehype.contracts.Sentiment;
import com.tradethehype.messaging.PollerSettings;
import com.tradethehype.messaging.DependencyUnavailableException;
import com.tradethehype.messaging.QueueUnavailableException;
import com.tradethehype.messaging.SqsPoller;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.messaging.SqsSender;
import com.tradethehype.sentiment.SentimentMain;
import com.tradethehype.sentiment.config.SentimentConfig;
import com.tradethehype.sentiment.inference.SentimentModel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Loads the model in the background at start-up and, only once it is READY, consumes
 * {@code tth-articles-ingested} in batches: one forward pass per batch, then all {@code ArticleScored} events
 * are published before any input is deleted. Unparseable messages are left to reach the dead-letter queue. Under
 * the one-shot {@code drain} command the model loads the same way but the continuous poller stays off.
 */
@ApplicationScoped
public class ArticleIngestedConsumer {

    private final SentimentModel model;
    private final SqsQueues queues;
    private final SqsSender scored;
    private final ObjectMapper json;
    private final SentimentConfig.Consumer config;
    private final boolean oneShot;
    private volatile SqsPoller poller;

    public ArticleIngestedConsumer(SentimentModel model, SqsQueues queues, SqsSender scored, ObjectMapper json,
                                   SentimentConfig config, @CommandLineArguments String[] args) {
        this.oneShot = SentimentMain.isDrain(args);
        this.model = model;
        this.queues = queues;
        this.scored = scored;
        this.json = json;
        this.config = config.consumer();
    }

    void start(@Observes StartupEvent event) {
        Thread loader = new Thread(() -> {
            if (model.start() != SentimentModel.State.READY) {
                Log.error("Not consuming " + Queues.ARTICLES_INGESTED + ": no model");
            } else if (config.enabled() && !oneShot) {
                var settings = new PollerSettings(Queues.ARTICLES_INGESTED, config.batchSize(), config.maxWait(),
                        config.visibilityTimeout(), Duration.ofSeconds(5));
                int loops = loops();
                poller = new SqsPoller(queues, settings, this::handle, loops).start();
                Log.infof("Consuming %s with %d loop(s) of up to %d messages", Queues.ARTICLES_INGESTED, loops,
                        config.batchSize());
            }
        }, "model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.close();
        }
    }

    /** Receive-score-publish loops side by side (the drain runs as many): configured, or the model's workers + 1. */
    int loops() {
        return config.loops() > 0 ? config.loops() : model.workers() + 1;
    }

    public Optional<SqsPoller> poller() {
        return Optional.ofNullable(poller);
    }

    List<Message> handle(List<Message> batch) throws Exception {
        List<Message> parsed = new ArrayList<>();
        List<ArticleIngested> articles = new ArrayList<>();
        for (Message message : batch) {
            try {
                articles.add(json.readValue(message.body(), ArticleIngested.class));
                parsed.add(message);
            } catch (Exception e) {
                Log.errorf("Unreadable message %s on %s (receive %s of %d before dead-lettering): %s",
                        message.messageId(), Queues.ARTICLES_INGESTED,
                        message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "?"),
                        Queues.MAX_RECEIVES, e.getMessage());
            }
        }
        if (articles.isEmpty()) {
            return parsed;
        }
        List<Sentiment> sentiments = model.score(articles.stream().map(ArticleIngested::text).toList());
        ModelRef ref = model.modelRef();
        Instant now = Instant.now();
        List<String> bodies = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            bodies.add(json.writeValueAsString(ArticleScored.of(articles.get(i), sentiments.get(i), ref, now)));
        }
        try {
            scored.sendAll(bodies);
        } catch (QueueUnavailableException e) {
            // the scored queue is down: hold this batch (the poller pauses) instead of burning its receive counts
            throw new DependencyUnavailableException("cannot publish to " + Queues.ARTICLES_SCORED + ": "
                    + e.getMessage(), e);
        }
        return parsed;
    }
}
