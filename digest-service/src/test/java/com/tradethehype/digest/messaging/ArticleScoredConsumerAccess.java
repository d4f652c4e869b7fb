package com.tradethehype.digest.messaging;

/** Lets tests in other packages reach the consumer's package-private decisions. */
public final class ArticleScoredConsumerAccess {

    private ArticleScoredConsumerAccess() {
    }

    public static boolean connectionFailure(Throwable e) {
        return ArticleScoredConsumer.isConnectionFailure(e);
    }
}
