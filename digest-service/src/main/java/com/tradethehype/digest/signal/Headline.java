package com.tradethehype.digest.signal;

import java.time.Instant;

/**
 * A headline kept as a signal's evidence: what was said, where, and how the model scored it. {@code undated}: the
 * source gave no date and {@code publishedAt} is when ingest first saw it (false in headlines stored before).
 */
public record Headline(String title, String url, String source, Double score, Instant publishedAt, boolean undated) {

    /** A dated headline. */
    public Headline(String title, String url, String source, Double score, Instant publishedAt) {
        this(title, url, source, score, publishedAt, false);
    }
}
