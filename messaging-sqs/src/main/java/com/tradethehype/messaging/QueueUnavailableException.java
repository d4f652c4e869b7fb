package com.tradethehype.messaging;

/** SQS did not answer, or the queue does not exist: the caller must not treat the work as done. */
public class QueueUnavailableException extends RuntimeException {

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
