package com.tradethehype.digest.health;

import com.tradethehype.contracts.Queues;
import com.tradethehype.digest.messaging.ArticleScoredConsumer;
import com.tradethehype.messaging.SqsQueues;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the scored-article queue answers and the consumer's last receive worked. */
@Readiness
@ApplicationScoped
public class ScoredQueueHealthCheck implements HealthCheck {

    private final SqsQueues queues;
    private final ArticleScoredConsumer consumer;

    public ScoredQueueHealthCheck(SqsQueues queues, ArticleScoredConsumer consumer) {
        this.queues = queues;
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("sqs " + Queues.ARTICLES_SCORED);
        try {
            health.withData("depth", queues.depth(Queues.ARTICLES_SCORED))
                    .withData("dead-letters", queues.depth(Queues.deadLetterOf(Queues.ARTICLES_SCORED)));
        } catch (RuntimeException e) {
            return health.down().withData("error", e.getMessage()).build();
        }
        String lastError = consumer.poller().map(p -> p.lastError()).orElse(null);
        if (lastError != null) {
            return health.down().withData("error", lastError).build();
        }
        return health.withData("consuming", consumer.poller().isPresent()).up().build();
    }
}
