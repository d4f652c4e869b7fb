package com.tradethehype.messaging;

import java.time.Duration;

/**
 * How a {@link SqsPoller} reads one queue.
 *
 * @param queueName         queue to read
 * @param batchSize         most messages handed to the handler at once
 * @param maxWait           longest a partial batch waits for more messages before it is handled
 * @param visibilityTimeout how long a received message stays hidden; a failed message reappears after it
 * @param longPoll          SQS long-poll wait when the poller holds nothing (bounded so shutdown is prompt)
 * @param stallAfter        no completed cycle for this long while messages wait = STALLED in health
 */
public record PollerSettings(String queueName, int batchSize, Duration maxWait, Duration visibilityTimeout,
                             Duration longPoll, Duration stallAfter) {

    /** With the default stall limit: three rounds of long poll, batch wait and visibility timeout, at least 60 s. */
    public PollerSettings(String queueName, int batchSize, Duration maxWait, Duration visibilityTimeout,
                          Duration longPoll) {
        this(queueName, batchSize, maxWait, visibilityTimeout, longPoll, max(Duration.ofSeconds(60),
                longPoll.plus(maxWait).plus(visibilityTimeout).multipliedBy(3)));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public PollerSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1");
        }
        if (longPoll.toSeconds() > 20) {
            throw new IllegalArgumentException("SQS long polls last at most 20 s");
        }
    }
}
