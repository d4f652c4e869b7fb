package com.tradethehype.sentiment.health;

import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.sentiment.messaging.ArticleIngestedConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when both queues answer and the consumer's last receive worked. */
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
        try {
            health.withData(Queues.ARTICLES_INGESTED, queues.depth(Queues.ARTICLES_INGESTED))
                    .withData(Queues.deadLetterOf(Queues.ARTICLES_INGESTED),
                            queues.depth(Queues.deadLetterOf(Queues.ARTICLES_INGESTED)))
                    .withData(Queues.ARTICLES_SCORED, queues.depth(Queues.ARTICLES_SCORED));
        } catch (RuntimeException e) {
            return health.down().withData("error", e.getMessage()).build();
        }
        String lastError = consumer.poller().map(p -> p.lastError()).orElse(null);
        return lastError == null ? health.up().build() : health.down().withData("error", lastError).build();
    }
}
