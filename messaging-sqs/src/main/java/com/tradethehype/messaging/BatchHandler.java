package com.tradethehype.messaging;

import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/** Handles a batch of received messages on the poller's thread. */
@FunctionalInterface
public interface BatchHandler {

    /**
     * Processes {@code batch} and returns the messages that are done and may be deleted. A message not
     * returned (or all of them, if this throws) is received again after its visibility timeout, and goes to
     * the dead-letter queue once the queue's redrive count is reached.
     */
    Collection<Message> handle(List<Message> batch) throws Exception;
}
