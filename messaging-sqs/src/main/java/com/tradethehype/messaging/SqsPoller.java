package com.tradethehype.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads one queue on its own thread, gathers messages into batches (up to a size or a wait, whichever comes
 * first), hands each batch to a {@link BatchHandler} and deletes only what the handler says is done. Delivery
 * is therefore at least once; handlers must be idempotent.
 */
public final class SqsPoller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SqsPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final SqsQueues queues;
    private final PollerSettings settings;
    private final BatchHandler handler;
    private final Thread thread;
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile Instant lastPoll = Instant.EPOCH;

    public SqsPoller(SqsQueues queues, PollerSettings settings, BatchHandler handler) {
        this.queues = queues;
        this.settings = settings;
        this.handler = handler;
        this.thread = new Thread(this::run, "sqs-poller-" + settings.queueName());
        this.thread.setDaemon(true);
    }

    public SqsPoller start() {
        thread.start();
        return this;
    }

    /** The last receive failure, or null when the most recent receive worked. */
    public String lastError() {
        return lastError.get();
    }

    /** When the poller last completed a receive call (successful or empty). */
    public Instant lastPoll() {
        return lastPoll;
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                List<Message> batch = collectBatch();
                if (!batch.isEmpty()) {
                    handleAndDelete(batch);
                }
                backoff = Duration.ofSeconds(1);
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                lastError.set(e.getMessage());
                LOG.errorf("Polling %s failed, retrying in %ss: %s", settings.queueName(), backoff.toSeconds(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private List<Message> collectBatch() {
        List<Message> batch = new ArrayList<>();
        Instant deadline = null;
        while (running && batch.size() < settings.batchSize()) {
            Duration wait = deadline == null ? settings.longPoll() : Duration.between(Instant.now(), deadline);
            if (deadline != null && wait.isNegative()) {
                break;
            }
            List<Message> received = receive(Math.min(10, settings.batchSize() - batch.size()), wait);
            if (received.isEmpty() && deadline != null) {
                break;
            }
            if (!received.isEmpty() && deadline == null) {
                deadline = Instant.now().plus(settings.maxWait());
            }
            batch.addAll(received);
        }
        return batch;
    }

    private List<Message> receive(int max, Duration wait) {
        String url = queues.url(settings.queueName());
        int waitSeconds = (int) Math.max(0, Math.min(20, wait.toSeconds()));
        var call = queues.client().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max)
                .waitTimeSeconds(waitSeconds)
                .visibilityTimeout((int) settings.visibilityTimeout().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        // the deadline must outlast the long poll itself
        var response = queues.await(call, "receive from " + settings.queueName(),
                queues.timeout().plusSeconds(waitSeconds));
        lastPoll = Instant.now();
        lastError.set(null);
        return response.messages();
    }

    private void handleAndDelete(List<Message> batch) {
        Collection<Message> done;
        try {
            done = handler.handle(batch);
        } catch (Exception e) {
            LOG.errorf(e, "Handler failed on %d messages from %s; they will be retried, then dead-lettered",
                    batch.size(), settings.queueName());
            return;
        }
        delete(done);
    }

    private void delete(Collection<Message> done) {
        List<Message> list = new ArrayList<>(done);
        String url = queues.url(settings.queueName());
        for (int from = 0; from < list.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(list.size(), from + 10); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(list.get(i).receiptHandle()).build());
            }
            var response = queues.await(queues.client().deleteMessageBatch(b -> b.queueUrl(url).entries(entries)),
                    "delete from " + settings.queueName());
            response.failed().forEach(f -> LOG.warnf("Could not delete a handled message from %s (%s); it will be "
                    + "delivered again and handled idempotently", settings.queueName(), f.message()));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(settings.longPoll().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
