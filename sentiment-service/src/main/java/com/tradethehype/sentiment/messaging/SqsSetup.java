package com.tradethehype.sentiment.messaging;

import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.messaging.SqsSender;
import com.tradethehype.sentiment.config.SentimentConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Wires the shared SQS plumbing to the Quarkus-managed client. */
public class SqsSetup {

    @Produces
    @Singleton
    SqsQueues queues(SqsAsyncClient client, SentimentConfig config) {
        return new SqsQueues(client, config.consumer().sqsTimeout());
    }

    @Produces
    @Singleton
    SqsSender scoredSender(SqsQueues queues) {
        return new SqsSender(queues, Queues.ARTICLES_SCORED);
    }
}
