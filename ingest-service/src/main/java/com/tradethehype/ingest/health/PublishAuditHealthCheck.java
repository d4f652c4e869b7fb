package com.tradethehype.ingest.health;

import com.tradethehype.ingest.audit.AuditReport;
import com.tradethehype.ingest.audit.PublishAudit;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The last publish audit as readiness data: articles reported missing (published, never stored by digest) and
 * whether digest could be asked. Always UP: a lost article is an alert (ERROR log, gauge), not a reason to stop
 * routing to ingest, and digest being away must not take ingest out of service.
 */
@Readiness
@ApplicationScoped
public class PublishAuditHealthCheck implements HealthCheck {

    private final PublishAudit audit;

    public PublishAuditHealthCheck(PublishAudit audit) {
        this.audit = audit;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("publish-audit").up();
        if (audit.last().isEmpty()) {
            return response.withData("lastRun", "not yet").build();
        }
        AuditReport last = audit.last().get();
        response.withData("lastRun", last.ranAt().toString()).withData("outcome", last.outcome().name())
                .withData("missing", last.missing());
        if (!last.detail().isEmpty()) {
            response.withData("detail", last.detail());
        }
        if (last.missing() > 0) {
            response.withData("missingAlert", last.missing() + " published articles never stored by digest: GET /audit");
        }
        return response.build();
    }
}
