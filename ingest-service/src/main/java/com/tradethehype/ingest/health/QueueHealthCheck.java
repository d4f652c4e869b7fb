package com.tradethehype.ingest.health;

import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.web.CleanReason;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the queue we publish to answers: without it every new article would fail to publish. */
@Readiness
@ApplicationScoped
public class QueueHealthCheck implements HealthCheck {

    private final SqsQueues queues;

    public QueueHealthCheck(SqsQueues queues) {
        this.queues = queues;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("sqs").withData("queue", Queues.ARTICLES_INGESTED);
        try {
            return response.withData("depth", queues.depth(Queues.ARTICLES_INGESTED)).up().build();
        } catch (RuntimeException e) {
            return response.withData("error", CleanReason.of(e)).down().build();
        }
    }
}
