package com.tradethehype.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Resolves queue names to URLs once, with a deadline on every call: an SQS call to a missing queue or a
 * dead endpoint must fail loudly instead of hanging a consumer or a publisher.
 */
public final class SqsQueues {

    private final SqsAsyncClient sqs;
    private final Duration timeout;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public SqsQueues(SqsAsyncClient sqs, Duration timeout) {
        this.sqs = sqs;
        this.timeout = timeout;
    }

    public SqsAsyncClient client() {
        return sqs;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The URL of {@code name}; throws {@link QueueUnavailableException} if it does not exist or SQS is down. */
    public String url(String name) {
        String cached = urls.get(name);
        if (cached != null) {
            return cached;
        }
        String url = await(sqs.getQueueUrl(b -> b.queueName(name)), "resolve queue " + name).queueUrl();
        urls.put(name, url);
        return url;
    }

    /** Approximate number of visible messages; also proves the queue exists and answers. */
    public long depth(String name) {
        var request = GetQueueAttributesRequest.builder().queueUrl(url(name))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES).build();
        var attributes = await(sqs.getQueueAttributes(request), "read attributes of " + name).attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
    }

    <T> T await(java.util.concurrent.CompletableFuture<T> call, String what) {
        return await(call, what, timeout);
    }

    /** Waits for {@code call} at most {@code deadline}; a long poll needs its wait time on top of the usual one. */
    <T> T await(java.util.concurrent.CompletableFuture<T> call, String what, Duration deadline) {
        try {
            return call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new QueueUnavailableException(what + ": no answer within " + deadline, e);
        } catch (ExecutionException e) {
            throw new QueueUnavailableException(what + ": " + firstLine(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException(what + ": interrupted", e);
        }
    }

    /**
     * The first line of an SDK error: some (a full connection pool, say) append paragraphs of advice that would
     * otherwise fill a health check's reason; the whole text stays on the exception's cause for the log.
     */
    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).trim();
    }
}
