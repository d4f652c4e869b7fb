package com.tradethehype.gateway.rest;

import com.tradethehype.web.ProblemResponse;
import io.quarkus.logging.Log;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What the gateway answers when digest-service fails: its 404 stays a 404, the rest become 502 or 503. */
public class DigestProblemMappers {

    @ServerExceptionMapper
    public Response downstream(ClientWebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return ProblemResponse.of(Response.Status.NOT_FOUND, "not found");
        }
        Log.errorf("digest-service answered %d", status);
        return ProblemResponse.of(Response.Status.BAD_GATEWAY, "digest-service answered " + status);
    }

    @ServerExceptionMapper({ProcessingException.class, CircuitBreakerOpenException.class, TimeoutException.class})
    public Response unavailable(Exception e) {
        Log.errorf("digest-service unavailable: %s", e.getMessage());
        return ProblemResponse.of(Response.Status.SERVICE_UNAVAILABLE, "digest-service is unavailable; try again shortly");
    }
}
