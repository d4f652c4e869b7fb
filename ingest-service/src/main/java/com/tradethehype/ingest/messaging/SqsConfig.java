package com.tradethehype.ingest.messaging;

import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.messaging.SqsQueues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Wires the shared SQS plumbing to the client Quarkus configures from {@code quarkus.sqs.*}. */
@ApplicationScoped
public class SqsConfig {

    @Produces
    @Singleton
    SqsQueues sqsQueues(SqsAsyncClient sqs, IngestConfig config) {
        return new SqsQueues(sqs, config.sqsTimeout());
    }
}
