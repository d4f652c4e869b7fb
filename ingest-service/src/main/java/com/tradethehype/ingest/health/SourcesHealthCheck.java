package com.tradethehype.ingest.health;

import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.source.SourceCatalog;
import com.tradethehype.ingest.source.SourceStates;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN once an enabled source has failed {@code ingest.down-after-failures} polls in a row: one failure is
 * weather, several in a row mean the feed moved or broke and someone should look. Data: each source's failure
 * streak, and {@code down} listing the sources that are DOWN.
 */
@Readiness
@ApplicationScoped
public class SourcesHealthCheck implements HealthCheck {

    private final SourceCatalog catalog;
    private final SourceStates states;
    private final int downAfterFailures;

    public SourcesHealthCheck(SourceCatalog catalog, SourceStates states, IngestConfig config) {
        this.catalog = catalog;
        this.states = states;
        this.downAfterFailures = config.downAfterFailures();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("sources");
        StringBuilder down = new StringBuilder();
        for (Source source : catalog.enabled()) {
            int failures = states.of(source.name()).consecutiveFailures();
            response.withData(source.name(), failures);
            if (failures >= downAfterFailures) {
                down.append(down.length() == 0 ? "" : ",").append(source.name());
            }
        }
        if (down.length() > 0) {
            response.withData("down", down.toString());
        }
        return response.status(down.length() == 0).build();
    }
}
