package com.tradethehype.contracts;

import java.util.List;

/** Queue names are part of the contract: the event name in kebab-case with a {@code tth-} prefix. */
public final class Queues {

    /** {@link ArticleIngested} events, from ingest-service to sentiment-service. */
    public static final String ARTICLES_INGESTED = "tth-articles-ingested";
    /** {@link ArticleScored} events, from sentiment-service to digest-service. */
    public static final String ARTICLES_SCORED = "tth-articles-scored";
    /** Suffix of each queue's dead-letter twin. */
    public static final String DLQ_SUFFIX = "-dlq";
    /** Receives after which SQS moves a message to the dead-letter queue. */
    public static final int MAX_RECEIVES = 5;

    private Queues() {
    }

    /** The work queues, each of which has a dead-letter twin. */
    public static List<String> workQueues() {
        return List.of(ARTICLES_INGESTED, ARTICLES_SCORED);
    }

    public static String deadLetterOf(String queue) {
        return queue + DLQ_SUFFIX;
    }
}
