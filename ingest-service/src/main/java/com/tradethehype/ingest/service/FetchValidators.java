package com.tradethehype.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ETag / Last-Modified each source last answered with, for conditional GETs. In memory for now: after a
 * restart the first poll is a full GET, which the published-article table makes harmless.
 */
@ApplicationScoped
public class FetchValidators {

    /** What a feed said about its current version; either part may be null. */
    public record Validators(String etag, String lastModified) {

        public boolean isEmpty() {
            return etag == null && lastModified == null;
        }
    }

    private final Map<String, Validators> bySource = new ConcurrentHashMap<>();

    public Optional<Validators> of(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    public void remember(String source, Validators validators) {
        if (validators.isEmpty()) {
            bySource.remove(source);
        } else {
            bySource.put(source, validators);
        }
    }

    /** Forgets everything, so the next poll of every source is a full GET. */
    public void clear() {
        bySource.clear();
    }
}
