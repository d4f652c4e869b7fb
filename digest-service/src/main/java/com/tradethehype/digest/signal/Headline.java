package com.tradethehype.digest.signal;

import java.time.Instant;

/** A headline kept as a signal's evidence: what was said, where, and how the model scored it. */
public record Headline(String title, String url, String source, Double score, Instant publishedAt) {
}
