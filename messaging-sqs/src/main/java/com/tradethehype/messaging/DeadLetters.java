package com.tradethehype.messaging;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Looks into a dead-letter queue and moves its messages back after a fix, with the plain SQS API (so it works on
 * ElasticMQ as on AWS). A message is deleted from the dead-letter queue only after its copy was accepted by the
 * target queue: a failure midway can duplicate (consumers are idempotent), never lose.
 */
public final class DeadLetters {

    private final SqsQueues queues;

    public DeadLetters(SqsQueues queues) {
        this.queues = queues;
    }

    /** Up to {@code max} (at most 10) messages of {@code dlq}, left in place (visible again at once). */
    public List<Message> peek(String dlq, int max) {
        String url = queues.url(dlq);
        var response = queues.await(queues.client().receiveMessage(b -> b.queueUrl(url)
                .maxNumberOfMessages(Math.max(1, Math.min(10, max))).visibilityTimeout(0).waitTimeSeconds(0)),
                "look into " + dlq);
        return response.messages();
    }

    /** Moves every message of {@code dlq} to {@code target}; returns how many were moved. */
    public int redrive(String dlq, String target) {
        String from = queues.url(dlq);
        String to = queues.url(target);
        int moved = 0;
        int empty = 0;
        while (empty < 2) {
            var batch = queues.await(queues.client().receiveMessage(b -> b.queueUrl(from).maxNumberOfMessages(10)
                    .visibilityTimeout(60).waitTimeSeconds(1)), "receive from " + dlq).messages();
            if (batch.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            List<SendMessageBatchRequestEntry> sends = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                sends.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(batch.get(i).body())
                        .build());
            }
            var sent = queues.await(queues.client().sendMessageBatch(b -> b.queueUrl(to).entries(sends)),
                    "send to " + target);
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (var ok : sent.successful()) {
                Message m = batch.get(Integer.parseInt(ok.id()));
                deletes.add(DeleteMessageBatchRequestEntry.builder().id(ok.id()).receiptHandle(m.receiptHandle()).build());
            }
            if (!deletes.isEmpty()) {
                queues.await(queues.client().deleteMessageBatch(b -> b.queueUrl(from).entries(deletes)),
                        "delete from " + dlq);
            }
            moved += deletes.size();
            if (!sent.failed().isEmpty()) {
                throw new QueueUnavailableException(sent.failed().size() + " messages could not be sent to " + target
                        + "; they stay in " + dlq, null);
            }
        }
        return moved;
    }
}
