package com.tradethehype.sentiment.messaging;

import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.QueueUnavailableException;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.sentiment.config.SentimentConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Empties {@code tth-articles-ingested} once, for the scale-to-zero pipeline's one-shot task: as many
 * receive-score-publish loops side by side as the continuous consumer runs (so the inference workers are not idle
 * during each batch's SQS round trips), each receiving batches until {@code sentiment.drain.empty-receives}
 * receives in a row find nothing, scoring and publishing each batch like the continuous consumer (all published
 * before any input is deleted). The first batch that cannot be scored or published stops every loop after its
 * current batch; that batch stays on the queue for the next run.
 */
@ApplicationScoped
public class IngestedQueueDrain {

    /** What one drain did: messages received, scored and published, and unreadable ones left for the DLQ. */
    public record Report(int received, int published, int unreadable) {
    }

    private final ArticleIngestedConsumer consumer;
    private final SqsQueues queues;
    private final SentimentConfig config;

    public IngestedQueueDrain(ArticleIngestedConsumer consumer, SqsQueues queues, SentimentConfig config) {
        this.consumer = consumer;
        this.queues = queues;
        this.config = config;
    }

    /** Drains the queue; throws when a batch could not be scored or published (nothing of it is deleted). */
    public Report drain() throws Exception {
        String url = queues.url(Queues.ARTICLES_INGESTED);
        AtomicInteger received = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        int loops = consumer.loops();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            Thread loop = new Thread(() -> {
                try {
                    drainLoop(url, received, published, failure);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } catch (Throwable e) {
                    failure.compareAndSet(null, new IllegalStateException(e.toString(), e));
                }
            }, "drain-" + i);
            threads.add(loop);
            loop.start();
        }
        for (Thread loop : threads) {
            loop.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Report(received.get(), published.get(), received.get() - published.get());
    }

    /** One loop: batches until empty receives in a row, or until any loop has failed. */
    private void drainLoop(String url, AtomicInteger received, AtomicInteger published,
                           AtomicReference<Exception> failure) throws Exception {
        int empty = 0;
        while (empty < config.drain().emptyReceives() && failure.get() == null) {
            List<Message> batch = receive(url, config.drain().receiveWait());
            if (batch.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            for (List<Message> more = batch; !more.isEmpty() && batch.size() < config.consumer().batchSize(); ) {
                more = receive(url, Duration.ZERO);
                batch.addAll(more);
            }
            Collection<Message> done = consumer.handle(batch);
            delete(url, done);
            received.addAndGet(batch.size());
            published.addAndGet(done.size());
            Log.debugf("drain: %d scored and published, %d so far", done.size(), published.get());
        }
    }

    private List<Message> receive(String url, Duration wait) {
        int max = Math.min(10, config.consumer().batchSize());
        var call = queues.client().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max)
                .waitTimeSeconds((int) wait.toSeconds())
                .visibilityTimeout((int) config.consumer().visibilityTimeout().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        return new ArrayList<>(await(call, "receive from " + Queues.ARTICLES_INGESTED,
                queues.timeout().plus(wait)).messages());
    }

    private void delete(String url, Collection<Message> done) {
        List<Message> list = new ArrayList<>(done);
        for (int from = 0; from < list.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(list.size(), from + 10); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(list.get(i).receiptHandle()).build());
            }
            var response = await(queues.client().deleteMessageBatch(b -> b.queueUrl(url).entries(entries)),
                    "delete from " + Queues.ARTICLES_INGESTED, queues.timeout());
            response.failed().forEach(f -> Log.warnf("Could not delete a scored message (%s); it will be scored "
                    + "again and stored idempotently", f.message()));
        }
    }

    private static <T> T await(CompletableFuture<T> call, String what, Duration deadline) {
        try {
            return call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException(what + ": interrupted", e);
        } catch (Exception e) {
            call.cancel(true);
            throw new QueueUnavailableException(what + ": " + (e.getCause() != null ? e.getCause() : e), e);
        }
    }
}
