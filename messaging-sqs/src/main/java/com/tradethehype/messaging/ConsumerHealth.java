package com.tradethehype.messaging;

import java.time.Instant;

/**
 * What a {@link SqsPoller} is doing, for readiness checks.
 *
 * @param state       RUNNING, PAUSED (a dependency is down; the batch is held), FAILING (the last cycle failed),
 *                    STALLED (messages wait but no cycle completed for too long) or DEAD (its thread ended)
 * @param detail      the reason, in words (no class names); null when RUNNING
 * @param lastSuccess when a cycle last completed (a receive, empty or not, or a handled batch)
 * @param lastFailure when the last failure happened, or null
 */
public record ConsumerHealth(State state, String detail, Instant lastSuccess, Instant lastFailure) {

    /** The consumer's state. */
    public enum State { RUNNING, PAUSED, FAILING, STALLED, DEAD }

    /** True when the consumer is doing its job. */
    public boolean healthy() {
        return state == State.RUNNING;
    }
}
