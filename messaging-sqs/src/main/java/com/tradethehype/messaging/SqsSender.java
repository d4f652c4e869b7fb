package com.tradethehype.messaging;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Sends message bodies to one queue and returns only once SQS has accepted every one of them. */
public final class SqsSender {

    /** SQS accepts at most ten entries per batch call. */
    private static final int MAX_BATCH = 10;

    private final SqsQueues queues;
    private final String queueName;

    public SqsSender(SqsQueues queues, String queueName) {
        this.queues = queues;
        this.queueName = queueName;
    }

    public String queueName() {
        return queueName;
    }

    /** Sends one body; throws {@link QueueUnavailableException} when it was not accepted in time. */
    public void send(String body) {
        String url = queues.url(queueName);
        queues.await(queues.client().sendMessage(b -> b.queueUrl(url).messageBody(body)), "send to " + queueName);
    }

    /** Sends all bodies in calls of ten; throws if any one was refused, naming how many. */
    public void sendAll(List<String> bodies) {
        String url = queues.url(queueName);
        for (int from = 0; from < bodies.size(); from += MAX_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<String> chunk = bodies.subList(from, Math.min(bodies.size(), from + MAX_BATCH));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(chunk.get(i)).build());
            }
            var response = queues.await(queues.client().sendMessageBatch(b -> b.queueUrl(url).entries(entries)),
                    "send batch to " + queueName);
            if (!response.failed().isEmpty()) {
                var first = response.failed().get(0);
                throw new QueueUnavailableException(response.failed().size() + " of " + chunk.size()
                        + " messages refused by " + queueName + ": " + first.code() + " " + first.message(), null);
            }
        }
    }
}
