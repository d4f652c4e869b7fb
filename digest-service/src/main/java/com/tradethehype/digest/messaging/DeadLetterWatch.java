package com.tradethehype.digest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.DeadLetters;
import com.tradethehype.messaging.SqsQueues;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps an eye on {@code tth-articles-scored-dlq}: a scored article that could not be stored must not sit there
 * unseen. Every minute: the depth as a metric, and when it changes and is not zero an ERROR log naming the
 * article ids; readiness reports it (see {@code ScoredQueueHealthCheck}) until it is redriven.
 */
@ApplicationScoped
public class DeadLetterWatch {

    private static final String DLQ = Queues.deadLetterOf(Queues.ARTICLES_SCORED);

    private final SqsQueues queues;
    private final ObjectMapper json;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicReference<List<String>> sample = new AtomicReference<>(List.of());

    public DeadLetterWatch(SqsQueues queues, ObjectMapper json, MeterRegistry metrics) {
        this.queues = queues;
        this.json = json;
        metrics.gauge("tth.digest.dead.letters", depth);
    }

    @Scheduled(every = "${digest.dead-letter-check:60s}", delayed = "${digest.dead-letter-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            long now = queues.depth(DLQ);
            long before = depth.getAndSet(now);
            if (now > 0 && now != before) {
                List<String> ids = new DeadLetters(queues).peek(DLQ, 10).stream().map(m -> articleId(m.body())).toList();
                sample.set(ids);
                Log.errorf("%d scored articles are in %s and were never stored (first ids: %s); fix the cause, then "
                        + "redrive them (./tth redrive locally, deploy/ops redrive on AWS)", now, DLQ, ids);
            } else if (now == 0) {
                sample.set(List.of());
            }
        } catch (RuntimeException e) {
            Log.warnf("Could not look into %s: %s", DLQ, e.getMessage());
        }
    }

    /** Messages in the dead-letter queue at the last check. */
    public long depth() {
        return depth.get();
    }

    /** Some of their article ids (or "unreadable" for a body that is not an event). */
    public List<String> sampleIds() {
        return sample.get();
    }

    private String articleId(String body) {
        try {
            var id = json.readTree(body).path("articleId");
            return id.isTextual() ? id.asText() : "unreadable";
        } catch (Exception e) {
            return "unreadable";
        }
    }
}
