package com.tradethehype.messaging;

/**
 * Thrown by a {@link BatchHandler} when something it needs (database, model, downstream queue) is down: the poller
 * keeps the batch, extends its visibility and retries it after a backoff instead of letting the messages burn
 * receive counts towards the dead-letter queue, and receives nothing new meanwhile.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
