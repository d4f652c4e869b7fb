package com.tradethehype.digest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Business settings of digest-service. */
@ConfigMapping(prefix = "digest")
public interface DigestConfig {

    /** How the scored-article consumer reads its queue. */
    Consumer consumer();

    /** Consumer settings. */
    interface Consumer {

        /** Start consuming at start-up; false leaves messages on the queue (e.g. for the one-shot digest command). */
        @WithDefault("true")
        boolean enabled();

        /** Most messages stored per batch. */
        @WithDefault("10")
        int batchSize();

        /** Longest a partial batch waits for more messages. */
        @WithDefault("1s")
        Duration maxWait();

        /** How long a received message stays hidden; a failed one is redelivered after it. */
        @WithDefault("30s")
        Duration visibilityTimeout();

        /** Deadline for each SQS call. */
        @WithDefault("10s")
        Duration sqsTimeout();
    }
}
