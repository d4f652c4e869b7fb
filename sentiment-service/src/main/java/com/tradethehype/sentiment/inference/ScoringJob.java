package com.tradethehype.sentiment.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import com.tradethehype.contracts.Sentiment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One caller's texts inside the {@link InferenceEngine}: tokenised on the caller's thread, taken into passes
 * text by text (the engine's lock guards {@code taken}/{@code untaken}), completed when its last text is scored.
 */
final class ScoringJob {

    final long arrivalNanos;
    private final Encoding[] encodings;
    private final Integer[] byLength;
    private final boolean[] taken;
    private final Sentiment[] results;
    private final AtomicInteger unscored;
    private final CompletableFuture<List<Sentiment>> future = new CompletableFuture<>();
    int untaken;

    ScoringJob(Encoding[] encodings, long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        this.encodings = encodings;
        this.byLength = new Integer[encodings.length];
        Arrays.setAll(byLength, i -> i);
        Arrays.sort(byLength, Comparator.comparingInt(this::length));
        this.taken = new boolean[encodings.length];
        this.results = new Sentiment[encodings.length];
        this.unscored = new AtomicInteger(encodings.length);
        this.untaken = encodings.length;
    }

    int size() {
        return encodings.length;
    }

    int length(int index) {
        return encodings[index].getIds().length;
    }

    Encoding encoding(int index) {
        return encodings[index];
    }

    /** Indices not yet in a pass, shortest first. */
    List<Integer> untakenByLength() {
        List<Integer> out = new ArrayList<>(untaken);
        for (Integer i : byLength) {
            if (!taken[i]) {
                out.add(i);
            }
        }
        return out;
    }

    /** The shortest text not yet in a pass; only called while {@code untaken > 0}. */
    int shortestUntaken() {
        for (Integer i : byLength) {
            if (!taken[i]) {
                return i;
            }
        }
        throw new IllegalStateException("every text is taken");
    }

    void take(int index) {
        taken[index] = true;
        untaken--;
    }

    /** Records one result; the last one completes the caller's future (results in input order). */
    void complete(int index, Sentiment sentiment) {
        results[index] = sentiment;
        if (unscored.decrementAndGet() == 0) {
            future.complete(new ArrayList<>(Arrays.asList(results)));
        }
    }

    void fail(Throwable cause) {
        future.completeExceptionally(cause);
    }

    CompletableFuture<List<Sentiment>> future() {
        return future;
    }
}
