package com.tradethehype.sentiment.rest;

import com.tradethehype.sentiment.config.SentimentConfig;
import com.tradethehype.web.DeclaredBodyLimit;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a request whose declared body is over {@code sentiment.score.max-body-size} with a 413 problem before any
 * of it is read. A chunked body without a length meets the HTTP layer's limit (set to the same size), a bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;

    public BodySizeLimit(SentimentConfig config) {
        this.limit = config.score().maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        DeclaredBodyLimit.install(router, limit, "the request body must be at most " + limit + " bytes");
    }
}
