package com.tradethehype.gateway.health;

import com.tradethehype.gateway.client.DigestClient;
import com.tradethehype.web.CleanReason;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The gateway can answer only what digest-service answers: ready when digest-service is ready. */
@Readiness
@ApplicationScoped
public class DigestHealthCheck implements HealthCheck {

    private final DigestClient digest;

    public DigestHealthCheck(@RestClient DigestClient digest) {
        this.digest = digest;
    }

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("digest-service");
        try {
            digest.ready();
            return health.up().build();
        } catch (RuntimeException e) {
            return health.down().withData("error", CleanReason.of(e)).build();
        }
    }
}
