package com.tradethehype.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** digest-service's internal read API. */
@RegisterRestClient(configKey = "digest")
@Produces(MediaType.APPLICATION_JSON)
public interface DigestClient {

    @GET
    @Path("/articles")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = jakarta.ws.rs.WebApplicationException.class)
    List<ArticleResponse> articles(@QueryParam("ticker") String ticker, @QueryParam("limit") int limit);

    @GET
    @Path("/q/health/ready")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    String ready();
}
