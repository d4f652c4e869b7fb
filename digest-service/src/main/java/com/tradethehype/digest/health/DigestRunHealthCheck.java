package com.tradethehype.digest.health;

import com.tradethehype.digest.service.Alerts;
import com.tradethehype.digest.service.DigestSender;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the latest digest run of this process went wrong (a day without scored articles, or subscribers
 * left without their mail), with the reason; UP again after the next good run.
 */
@Readiness
@ApplicationScoped
public class DigestRunHealthCheck implements HealthCheck {

    private final Alerts alerts;
    private final DigestSender sender;

    public DigestRunHealthCheck(Alerts alerts, DigestSender sender) {
        this.alerts = alerts;
        this.sender = sender;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("digest");
        sender.lastReport().ifPresentOrElse(r -> builder.withData("lastDigest", r.date().toString())
                .withData("lastStatus", r.status()).withData("sent", r.sent()).withData("unsent", r.unsent()),
                () -> builder.withData("lastDigest", "none in this process yet"));
        String alert = alerts.current();
        return alert == null ? builder.up().build() : builder.down().withData("alert", alert).build();
    }
}
