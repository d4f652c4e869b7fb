package com.tradethehype.gateway.rest;

import com.tradethehype.gateway.client.DownstreamException;
import com.tradethehype.gateway.client.ServiceUnavailableException;
import com.tradethehype.gateway.security.RateLimitedException;
import com.tradethehype.gateway.service.Problems;
import com.tradethehype.web.ProblemResponse;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gateway's own problem answers: a downstream 4xx passes through with its detail (404 stays 404), an outage is
 * a 503 naming the service, sign-in failures 401, role failures 403, rate limits 429 with Retry-After.
 */
public class GatewayProblemMappers {

    @ServerExceptionMapper
    public Response downstream(DownstreamException e) {
        int status = e.status();
        if (status == 400 || status == 404 || status == 409) {
            String detail = e.detail() != null ? e.detail() : status == 404 ? "not found" : e.service() + " refused the request";
            return ProblemResponse.of(Response.Status.fromStatusCode(status), detail);
        }
        if (status == 502 || status == 503 || status == 504) {
            Log.warnf("%s answered %d", e.service(), status);
            return unavailable(e.service());
        }
        Log.errorf("%s answered %d", e.service(), status);
        return ProblemResponse.of(Response.Status.BAD_GATEWAY, e.service() + " answered " + status);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        Log.warnf("%s unavailable: %s", e.service(), e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
        return unavailable(e.service());
    }

    @ServerExceptionMapper({ProcessingException.class, CircuitBreakerOpenException.class, TimeoutException.class})
    public Response unnamedOutage(Exception e) {
        Log.warnf("a service is unavailable: %s", e.getClass().getSimpleName());
        return ProblemResponse.of(Response.Status.SERVICE_UNAVAILABLE, "a backing service is unavailable; try again shortly");
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        Response problem = ProblemResponse.of(Response.Status.TOO_MANY_REQUESTS, e.getMessage());
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response emailTaken(Problems.EmailTaken e) {
        return ProblemResponse.of(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response badCredentials(Problems.BadCredentials e) {
        return ProblemResponse.of(Response.Status.UNAUTHORIZED, e.getMessage());
    }

    @ServerExceptionMapper
    public Response accountGone(Problems.AccountGone e) {
        return challenge(e.getMessage());
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return challenge("a valid bearer token is required; sign in at POST /api/auth/login");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponse.of(Response.Status.FORBIDDEN, "this needs the admin role");
    }

    private static Response unavailable(String service) {
        return ProblemResponse.of(Response.Status.SERVICE_UNAVAILABLE, service + " is unavailable; try again shortly");
    }

    private static Response challenge(String detail) {
        Response problem = ProblemResponse.of(Response.Status.UNAUTHORIZED, detail);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
