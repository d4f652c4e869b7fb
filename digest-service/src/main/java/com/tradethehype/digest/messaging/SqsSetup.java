package com.tradethehype.digest.messaging;

import com.tradethehype.digest.config.DigestConfig;
import com.tradethehype.messaging.SqsQueues;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Wires the shared SQS plumbing to the Quarkus-managed client. */
public class SqsSetup {

    @Produces
    @Singleton
    SqsQueues queues(SqsAsyncClient client, DigestConfig config) {
        return new SqsQueues(client, config.consumer().sqsTimeout());
    }
}
