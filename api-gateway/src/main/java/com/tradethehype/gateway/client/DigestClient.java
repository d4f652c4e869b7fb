package com.tradethehype.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * digest-service's internal API. Reads are retried on connection failures and timeouts (never on an error
 * answer); writes are not retried, so a subscriber is never created twice. Bodies pass through as JSON trees, so
 * a field digest-service adds reaches the dashboard without a gateway release. Subscriber changes carry the service
 * token.
 */
@RegisterRestClient(configKey = "digest")
@RegisterProvider(DigestErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface DigestClient {

    @GET
    @Path("/articles")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = DownstreamException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = DownstreamException.class)
    List<ArticleResponse> articles(@QueryParam("ticker") String ticker, @QueryParam("limit") int limit);

    @GET
    @Path("/signals")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = DownstreamException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = DownstreamException.class)
    JsonNode signals(@QueryParam("date") String date, @QueryParam("kind") String kind, @QueryParam("limit") int limit);

    @GET
    @Path("/tickers/{symbol}")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = DownstreamException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = DownstreamException.class)
    JsonNode ticker(@PathParam("symbol") String symbol, @QueryParam("days") int days);

    @GET
    @Path("/digests/{date}")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = DownstreamException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = DownstreamException.class)
    JsonNode digest(@PathParam("date") String dateOrLatest);

    @POST
    @Path("/subscribers")
    @ClientHeaderParam(name = "Authorization", value = "{serviceAuthorization}", required = false)
    @Consumes(MediaType.APPLICATION_JSON)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = DownstreamException.class)
    JsonNode createSubscriber(SubscriberRequest request);

    @GET
    @Path("/subscribers")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = DownstreamException.class)
    JsonNode subscribersByEmail(@QueryParam("email") String email);

    @GET
    @Path("/subscribers/{id}")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = DownstreamException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = DownstreamException.class)
    JsonNode subscriber(@PathParam("id") String id);

    @PUT
    @Path("/subscribers/{id}")
    @ClientHeaderParam(name = "Authorization", value = "{serviceAuthorization}", required = false)
    @Consumes(MediaType.APPLICATION_JSON)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = DownstreamException.class)
    JsonNode updateSubscriber(@PathParam("id") String id, SubscriberRequest request);

    @DELETE
    @Path("/subscribers/{id}")
    @ClientHeaderParam(name = "Authorization", value = "{serviceAuthorization}", required = false)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    void deleteSubscriber(@PathParam("id") String id);

    /** The one-click unsubscribe of a digest mail: digest checks the signed token and answers a small HTML page. */
    @GET
    @Path("/unsubscribe")
    @Produces({MediaType.TEXT_HTML, "application/problem+json"})
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = DownstreamException.class)
    String unsubscribe(@QueryParam("token") String token);

    /**
     * {@code Authorization: Bearer <service token>} for digest's subscriber changes, which need an admin credential
     * (TTH_SERVICE_TOKEN); no header when none is configured, and digest then refuses the change with a 401.
     */
    default String serviceAuthorization() {
        return ConfigProvider.getConfig().getOptionalValue("tth.service.token", String.class)
                .filter(t -> !t.isBlank()).map(t -> "Bearer " + t.trim()).orElse(null);
    }

    @GET
    @Path("/q/health/ready")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    String ready();
}
