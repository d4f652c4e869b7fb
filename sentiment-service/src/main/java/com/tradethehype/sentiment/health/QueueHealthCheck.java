package com.tradethehype.sentiment.health;

import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.sentiment.messaging.ArticleIngestedConsumer;
import com.tradethehype.web.CleanReason;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when both queues answer and the consumer is running: not dead, stalled, failing, or paused because
 * publishing scores fails (then DOWN with the reason, in words).
 */
@Readiness
@ApplicationScoped
public class QueueHealthCheck implements HealthCheck {

    private final SqsQueues queues;
    private final ArticleIngestedConsumer consumer;

    public QueueHealthCheck(SqsQueues queues, ArticleIngestedConsumer consumer) {
        this.queues = queues;
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("sqs");
        long waiting;
        try {
            waiting = queues.depth(Queues.ARTICLES_INGESTED);
            health.withData(Queues.ARTICLES_INGESTED, waiting)
                    .withData(Queues.deadLetterOf(Queues.ARTICLES_INGESTED),
                            queues.depth(Queues.deadLetterOf(Queues.ARTICLES_INGESTED)))
                    .withData(Queues.ARTICLES_SCORED, queues.depth(Queues.ARTICLES_SCORED));
        } catch (RuntimeException e) {
            return health.down().withData("error", CleanReason.of(e)).build();
        }
        var state = consumer.poller().map(p -> p.health(waiting));
        if (state.isEmpty()) {
            return health.up().build();
        }
        health.withData("consumer", state.get().state().name());
        if (state.get().lastFailure() != null) {
            health.withData("lastFailure", state.get().lastFailure().toString());
        }
        return state.get().healthy() ? health.up().build()
                : health.down().withData("error", CleanReason.of(state.get().detail())).build();
    }
}
