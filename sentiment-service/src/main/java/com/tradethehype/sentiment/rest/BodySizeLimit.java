package com.tradethehype.sentiment.rest;

import com.tradethehype.sentiment.config.SentimentConfig;
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
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLong(length)) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close")
                        .end("{\"type\":\"about:blank\",\"title\":\"Request Entity Too Large\",\"status\":413,"
                                + "\"detail\":\"the request body must be at most " + limit + " bytes\"}");
                return;
            }
            ctx.next();
        });
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
