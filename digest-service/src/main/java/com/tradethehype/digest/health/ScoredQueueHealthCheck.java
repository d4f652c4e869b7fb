package com.tradethehype.digest.health;

import com.tradethehype.contracts.Queues;
import com.tradethehype.digest.messaging.ArticleScoredConsumer;
import com.tradethehype.digest.messaging.DeadLetterWatch;
import com.tradethehype.messaging.ConsumerHealth;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.web.CleanReason;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the scored-article queue answers, its consumer is running (not dead, stalled, failing or
 * paused on a dependency) and its dead-letter queue is empty; otherwise DOWN with the reason.
 */
@Readiness
@ApplicationScoped
public class ScoredQueueHealthCheck implements HealthCheck {

    private final SqsQueues queues;
    private final ArticleScoredConsumer consumer;
    private final DeadLetterWatch deadLetters;

    public ScoredQueueHealthCheck(SqsQueues queues, ArticleScoredConsumer consumer, DeadLetterWatch deadLetters) {
        this.queues = queues;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
    }

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("sqs " + Queues.ARTICLES_SCORED);
        long depth;
        long dead;
        try {
            depth = queues.depth(Queues.ARTICLES_SCORED);
            dead = queues.depth(Queues.deadLetterOf(Queues.ARTICLES_SCORED));
            health.withData("depth", depth).withData("dead-letters", dead);
        } catch (RuntimeException e) {
            return health.down().withData("error", CleanReason.of(e)).build();
        }
        health.withData("consuming", consumer.poller().isPresent());
        boolean up = true;
        if (consumer.poller().isPresent()) {
            ConsumerHealth consumerHealth = consumer.poller().get().health(depth);
            health.withData("consumer", consumerHealth.state().name());
            if (consumerHealth.lastFailure() != null) {
                health.withData("lastFailure", consumerHealth.lastFailure().toString());
            }
            if (!consumerHealth.healthy()) {
                health.withData("error", CleanReason.of(consumerHealth.detail()));
                up = false;
            }
        }
        if (dead > 0) {
            health.withData("deadLetterAlert", dead + " scored articles were never stored (ids include "
                    + deadLetters.sampleIds() + "); fix the cause, then redrive: ./tth redrive or deploy/ops redrive");
            up = false;
        }
        return up ? health.up().build() : health.down().build();
    }
}
