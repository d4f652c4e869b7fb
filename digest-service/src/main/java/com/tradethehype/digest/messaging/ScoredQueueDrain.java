package com.tradethehype.digest.messaging;

import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.SqsQueues;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Reads {@code tth-articles-scored} until it is empty, storing each message as the consumer does (for the
 * one-shot {@code send-digest}, which must see every scored article before it computes the day).
 */
@ApplicationScoped
public class ScoredQueueDrain {

    private static final int EMPTY_RECEIVES_TO_STOP = 2;

    private final SqsQueues queues;
    private final ArticleScoredConsumer consumer;

    public ScoredQueueDrain(SqsQueues queues, ArticleScoredConsumer consumer) {
        this.queues = queues;
        this.consumer = consumer;
    }

    /** Stores everything on the queue; returns how many messages were stored (new or redelivered). */
    public int drain() throws Exception {
        String url = queues.url(Queues.ARTICLES_SCORED);
        int stored = 0;
        int empty = 0;
        while (empty < EMPTY_RECEIVES_TO_STOP) {
            ReceiveMessageResponse response = queues.client().receiveMessage(b -> b.queueUrl(url)
                            .maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(60)
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .get(queues.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
            List<Message> batch = response.messages();
            if (batch.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            List<Message> done = List.copyOf(consumer.handle(batch));
            if (!done.isEmpty()) {
                queues.client().deleteMessageBatch(b -> b.queueUrl(url).entries(done.stream()
                                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                        .receiptHandle(m.receiptHandle()).build()).toList()))
                        .get(queues.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            stored += done.size();
            if (done.size() < batch.size()) {
                Log.errorf("%d of %d messages from %s could not be stored; they return to the queue and reach its "
                        + "dead-letter queue after %d receives", batch.size() - done.size(), batch.size(),
                        Queues.ARTICLES_SCORED, Queues.MAX_RECEIVES);
            }
        }
        Log.infof("Drained %s: %d messages stored", Queues.ARTICLES_SCORED, stored);
        return stored;
    }
}
