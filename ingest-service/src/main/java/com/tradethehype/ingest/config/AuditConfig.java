package com.tradethehype.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;

/** The audit of published articles: is each one stored by digest, and what to do when it is not. */
@ConfigMapping(prefix = "ingest.audit")
public interface AuditConfig {

    /** Run the audit on its schedule; off, nothing is checked, re-sent or reported. */
    @WithDefault("true")
    boolean enabled();

    /** Base URL of digest-service, which answers {@code POST /articles/stored} (the gateway's TTH_DIGEST_URL). */
    @WithDefault("${TTH_DIGEST_URL:http://localhost:8083}")
    URI digestUrl();

    /** How often the audit runs. */
    @WithDefault("5m")
    Duration interval();

    /** An article not stored by digest this long after it was published counts as missing. */
    @WithDefault("1h")
    Duration grace();

    /** Re-publications of one missing article before it is reported missing and left alone. */
    @WithDefault("3")
    @Min(0)
    int maxRepublishes();

    /** Least time between two re-publications of one article, and before one is declared missing after the last. */
    @WithDefault("1h")
    Duration republishSpacing();

    /** Re-publishing waits while tth-articles-ingested holds more messages than this: a deep queue is slow, not lossy. */
    @WithDefault("1000")
    long backlogLimit();

    /** Article ids per question to digest (digest accepts at most 1000). */
    @WithDefault("500")
    @Min(1)
    @Max(1000)
    int batch();

    /** Most articles re-published in one run; the rest wait for the next run. */
    @WithDefault("500")
    @Min(1)
    int republishPerRun();

    /** Deadline of one request to digest. */
    @WithDefault("10s")
    Duration timeout();
}
