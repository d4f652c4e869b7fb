package com.tradethehype.gateway.rest;

import io.quarkus.runtime.configuration.MemorySize;
import com.tradethehype.web.DeclaredBodyLimit;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is over {@code quarkus.http.limits.max-body-size} with a 413 problem
 * before any of it is read, so that it gets the same problem+json body as every other error. (A chunked body
 * without a length still meets the HTTP layer's own limit, which answers a bare 413.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        DeclaredBodyLimit.install(router, limit, "the request body is larger than " + limit + " bytes");
    }
}
