package com.tradethehype.ops.aws;

import com.tradethehype.contracts.Queues;
import java.util.List;

/** The names deploy/aws/tth-stack.yaml gives its resources (deploy/ops tests check they agree). */
public final class Stack {

    /** ECS service names = container names = module names. */
    public static final List<String> SERVICES = List.of("ingest-service", "sentiment-service", "digest-service", "api-gateway");
    /** The service whose workers scale on queue depth. */
    public static final String SENTIMENT = "sentiment-service";
    /** The work queues, each with its -dlq twin. */
    public static final List<String> QUEUES = List.of(Queues.ARTICLES_INGESTED, Queues.ARTICLES_SCORED);

    private Stack() {
    }

    public static String deadLetterOf(String queue) {
        return Queues.deadLetterOf(queue);
    }
}
