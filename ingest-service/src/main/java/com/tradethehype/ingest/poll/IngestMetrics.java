package com.tradethehype.ingest.poll;

import com.tradethehype.ingest.PollResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters behind {@code /q/metrics}: polls by status, items by outcome, both per source. */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(PollResult result) {
        registry.counter("ingest.polls", "source", result.source(), "status", result.status().name()).increment();
        items(result.source(), "published", result.published());
        items(result.source(), "duplicate", result.duplicates());
        items(result.source(), "merged", result.merged());
        items(result.source(), "without_tickers", result.withoutTickers());
        items(result.source(), "crypto_only", result.cryptoOnly());
        items(result.source(), "invalid", result.invalid());
    }

    private void items(String source, String outcome, int count) {
        if (count > 0) {
            registry.counter("ingest.items", "source", source, "outcome", outcome).increment(count);
        }
    }
}
