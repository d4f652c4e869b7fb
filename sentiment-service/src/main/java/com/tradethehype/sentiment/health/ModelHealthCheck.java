package com.tradethehype.sentiment.health;

import com.tradethehype.sentiment.inference.SentimentModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the configured model has loaded and answered its warm-up batch. */
@Readiness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {

    private final SentimentModel model;

    public ModelHealthCheck(SentimentModel model) {
        this.model = model;
    }

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("sentiment model").withData("state", model.state().name());
        return switch (model.state()) {
            case READY -> health.withData("model", model.modelRef().toString()).up().build();
            case LOADING -> health.down().build();
            case FAILED -> health.withData("error", model.failure()).down().build();
        };
    }
}
