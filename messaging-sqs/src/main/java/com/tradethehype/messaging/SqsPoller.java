package com.tradethehype.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Reads one queue on its own thread (or several, see below), gathers messages into batches (up to a size or a
 * wait, whichever comes first), hands each batch to a {@link BatchHandler} and deletes only what the handler says
 * is done. Delivery is therefore at least once; handlers must be idempotent.
 * <ul>
 *   <li>Nothing kills the thread: any {@code Throwable} is logged and the loop goes on after a backoff.</li>
 *   <li>A batch whose handler throws is retried one message at a time, so one bad message does not take the
 *       healthy ones of its batch to the dead-letter queue.</li>
 *   <li>A {@link DependencyUnavailableException} pauses the poller: the batch is held (its visibility extended)
 *       and retried after a backoff; nothing new is received meanwhile.</li>
 *   <li>While a batch is handled its visibility is extended every half timeout, so a long batch does not
 *       reappear mid-processing.</li>
 *   <li>With {@code loops > 1} that many threads each run the whole receive, handle, delete cycle, so one batch is
 *       received and published while another is being handled (a handler that can use more than one batch at a
 *       time, like an inference engine with several workers, is otherwise idle during every SQS round trip). Each
 *       loop pauses and backs off on its own; health is shared.</li>
 * </ul>
 */
public final class SqsPoller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SqsPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final SqsQueues queues;
    private final PollerSettings settings;
    private final BatchHandler handler;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<String> handlerError = new AtomicReference<>();
    private final ScheduledExecutorService heartbeat;
    private volatile boolean running = true;
    private volatile Instant lastPoll = Instant.EPOCH;
    private volatile Instant lastSuccess = Instant.now();
    private volatile Instant lastFailure;
    private volatile String pausedFor;

    public SqsPoller(SqsQueues queues, PollerSettings settings, BatchHandler handler) {
        this(queues, settings, handler, 1);
    }

    /** A poller whose {@code loops} threads each receive, handle and delete batches independently. */
    public SqsPoller(SqsQueues queues, PollerSettings settings, BatchHandler handler, int loops) {
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be >= 1");
        }
        this.queues = queues;
        this.settings = settings;
        this.handler = handler;
        for (int i = 0; i < loops; i++) {
            Thread thread = new Thread(this::run, "sqs-poller-" + settings.queueName() + (loops > 1 ? "-" + i : ""));
            thread.setDaemon(true);
            threads.add(thread);
        }
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sqs-visibility-" + settings.queueName());
            t.setDaemon(true);
            return t;
        });
    }

    public SqsPoller start() {
        threads.forEach(Thread::start);
        return this;
    }

    /** How many receive-handle-delete loops run side by side. */
    public int loops() {
        return threads.size();
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
        return running && allAlive();
    }

    private boolean allAlive() {
        return threads.stream().allMatch(Thread::isAlive);
    }

    /**
     * The consumer's health given {@code waiting} visible messages on its queue: DEAD, PAUSED, FAILING, STALLED
     * (messages wait and no cycle completed within {@link PollerSettings#stallAfter()}) or RUNNING.
     */
    public ConsumerHealth health(long waiting) {
        if (!allAlive()) {
            return new ConsumerHealth(ConsumerHealth.State.DEAD, running ? "a consumer thread has ended"
                    : "stopped", lastSuccess, lastFailure);
        }
        if (pausedFor != null) {
            return new ConsumerHealth(ConsumerHealth.State.PAUSED, pausedFor, lastSuccess, lastFailure);
        }
        // a handler failure counts until a batch succeeds, or until stallAfter has passed without another one
        String handlerFailure = lastFailure != null && lastFailure.plus(settings.stallAfter()).isAfter(Instant.now())
                ? handlerError.get() : null;
        String error = lastError.get() != null ? lastError.get() : handlerFailure;
        if (error != null) {
            return new ConsumerHealth(ConsumerHealth.State.FAILING, error, lastSuccess, lastFailure);
        }
        if (waiting > 0 && lastSuccess.plus(settings.stallAfter()).isBefore(Instant.now())) {
            return new ConsumerHealth(ConsumerHealth.State.STALLED, waiting + " messages wait and no cycle completed "
                    + "since " + lastSuccess, lastSuccess, lastFailure);
        }
        return new ConsumerHealth(ConsumerHealth.State.RUNNING, null, lastSuccess, lastFailure);
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                List<Message> batch = collectBatch();
                if (!running) {
                    release(batch); // closing: not handled here, visible again at once for another consumer
                    break;
                }
                if (!batch.isEmpty()) {
                    handleAndDelete(batch);
                }
                lastSuccess = Instant.now();
                backoff = Duration.ofSeconds(1);
            } catch (Throwable e) {
                if (!running) {
                    break;
                }
                fail(reason(e));
                LOG.errorf(e, "Polling %s failed, retrying in %ss", settings.queueName(), backoff.toSeconds());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void fail(String reason) {
        lastError.set(reason);
        lastFailure = Instant.now();
    }

    /** A reason fit for a health check: the message, without class names. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof Error ? "internal error in the handler" : "unexpected failure";
        }
        return message.replaceAll("\\b([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(Exception|Error)?:?\\s*", "").trim();
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
        ReceiveMessageResponse response;
        try {
            // the deadline must outlast the long poll itself
            response = queues.await(call, "receive from " + settings.queueName(),
                    queues.timeout().plusSeconds(waitSeconds));
        } catch (QueueUnavailableException e) {
            if (!running) {
                // closed mid long poll: the request is still open on the server, and whatever it receives would
                // stay hidden for a whole visibility timeout; hand it straight back instead
                call.thenAccept(late -> release(late.messages()));
            }
            throw e;
        }
        lastPoll = Instant.now();
        lastError.set(null);
        return response.messages();
    }

    private void handleAndDelete(List<Message> batch) {
        ScheduledFuture<?> extender = extendVisibilityWhile(batch);
        try {
            Duration pause = Duration.ofSeconds(1);
            while (true) {
                try {
                    Collection<Message> done = handler.handle(batch);
                    pausedFor = null;
                    handlerError.set(null);
                    delete(done);
                    return;
                } catch (DependencyUnavailableException e) {
                    if (!running) {
                        return;
                    }
                    pausedFor = reason(e);
                    lastFailure = Instant.now();
                    LOG.errorf("Consuming %s paused, %d messages held, retry in %ss: %s", settings.queueName(),
                            batch.size(), pause.toSeconds(), pausedFor);
                    sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause.multipliedBy(2);
                } catch (Throwable e) {
                    if (!running) {
                        return; // shutting down: the batch goes back to the queue after its visibility timeout
                    }
                    handlerError.set(reason(e));
                    lastFailure = Instant.now();
                    LOG.errorf(e, "Handler failed on %d messages from %s", batch.size(), settings.queueName());
                    if (batch.size() > 1) {
                        handleOneByOne(batch);
                    }
                    return;
                }
            }
        } finally {
            extender.cancel(false);
        }
    }

    /** After a batch failed: each message alone, so only the bad ones stay on the queue. */
    private void handleOneByOne(List<Message> batch) {
        List<Message> done = new ArrayList<>();
        for (Message message : batch) {
            try {
                done.addAll(handler.handle(List.of(message)));
            } catch (Throwable e) {
                LOG.errorf("Message %s from %s failed on its own (receive %s; dead-lettered at the queue's redrive "
                        + "count): %s", message.messageId(), settings.queueName(),
                        message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "?"), reason(e));
            }
        }
        if (done.size() == batch.size()) {
            handlerError.set(null);
        }
        delete(done);
    }

    /** Every half visibility timeout, pushes the batch's visibility out by a full timeout again. */
    private ScheduledFuture<?> extendVisibilityWhile(List<Message> batch) {
        long period = Math.max(1, settings.visibilityTimeout().toMillis() / 2);
        return heartbeat.scheduleAtFixedRate(() -> {
            try {
                String url = queues.url(settings.queueName());
                int seconds = (int) Math.max(1, settings.visibilityTimeout().toSeconds());
                for (List<ChangeMessageVisibilityBatchRequestEntry> entries : visibilityCalls(batch, seconds)) {
                    queues.await(queues.client().changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(entries)),
                            "extend visibility on " + settings.queueName());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not extend the visibility of %d messages on %s: %s", batch.size(),
                        settings.queueName(), e.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** The entries of the ChangeMessageVisibilityBatch calls (ten messages each) that set {@code seconds}. */
    private static List<List<ChangeMessageVisibilityBatchRequestEntry>> visibilityCalls(List<Message> messages,
                                                                                        int seconds) {
        List<List<ChangeMessageVisibilityBatchRequestEntry>> calls = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(messages.size(), from + 10); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(messages.get(i).receiptHandle()).visibilityTimeout(seconds).build());
            }
            calls.add(entries);
        }
        return calls;
    }

    /** Makes received messages visible again at once (visibility 0); best effort, without waiting. */
    private void release(List<Message> messages) {
        String url = queues.url(settings.queueName());
        for (List<ChangeMessageVisibilityBatchRequestEntry> entries : visibilityCalls(messages, 0)) {
            queues.client().changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(entries))
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            LOG.warnf("Could not hand %d unhandled messages back to %s; they reappear after the "
                                    + "visibility timeout: %s", entries.size(), settings.queueName(), e.getMessage());
                        }
                    });
        }
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
        heartbeat.shutdownNow();
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + settings.longPoll().plusSeconds(5).toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
