package com.tradethehype.ingest.health;

import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.service.SourceCatalog;
import com.tradethehype.ingest.service.SourceStates;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN once an enabled source has failed {@value #FAILURES_BEFORE_DOWN} polls in a row: one failure is weather,
 * three in a row means the feed moved or broke and someone should look. Data: each source's failure streak.
 */
@Readiness
@ApplicationScoped
public class SourcesHealthCheck implements HealthCheck {

    static final int FAILURES_BEFORE_DOWN = 3;

    private final SourceCatalog catalog;
    private final SourceStates states;

    public SourcesHealthCheck(SourceCatalog catalog, SourceStates states) {
        this.catalog = catalog;
        this.states = states;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("sources");
        boolean up = true;
        for (Source source : catalog.enabled()) {
            int failures = states.of(source.name()).consecutiveFailures();
            response.withData(source.name(), failures);
            up &= failures < FAILURES_BEFORE_DOWN;
        }
        return response.status(up).build();
    }
}
