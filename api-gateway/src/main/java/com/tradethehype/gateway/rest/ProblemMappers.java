package com.tradethehype.gateway.rest;

import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a problem+json answer without class names or stack traces. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ProblemMappers::describe).sorted().collect(Collectors.joining("; "));
        return ProblemResponse.of(Response.Status.BAD_REQUEST, detail);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return ProblemResponse.of(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response downstream(org.jboss.resteasy.reactive.ClientWebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return ProblemResponse.of(Response.Status.NOT_FOUND, "not found");
        }
        Log.errorf("digest-service answered %d", status);
        return ProblemResponse.of(Response.Status.BAD_GATEWAY, "digest-service answered " + status);
    }

    @ServerExceptionMapper({jakarta.ws.rs.ProcessingException.class,
            org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException.class,
            org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class})
    public Response unavailable(Exception e) {
        Log.errorf("digest-service unavailable: %s", e.getMessage());
        return ProblemResponse.of(Response.Status.SERVICE_UNAVAILABLE, "digest-service is unavailable; try again shortly");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        status = status == null ? Response.Status.BAD_REQUEST : status;
        String detail = switch (status) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "method not allowed here";
            case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "unsupported media type";
            default -> "the request could not be handled";
        };
        return ProblemResponse.of(status, detail);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("Request failed", e);
        return ProblemResponse.of(Response.Status.INTERNAL_SERVER_ERROR, "internal error; see the service log");
    }

    private static String describe(ConstraintViolation<?> v) {
        // "method.param" for a query parameter, "method.body.field[i].<list element>" for a body field
        String[] nodes = v.getPropertyPath().toString().replace(".<list element>", "").split("\\.");
        int first = nodes.length > 2 ? 2 : nodes.length - 1;
        return String.join(".", java.util.Arrays.copyOfRange(nodes, first, nodes.length)) + " " + v.getMessage();
    }
}
