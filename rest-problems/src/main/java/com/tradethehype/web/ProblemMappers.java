package com.tradethehype.web;

import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The mappers every service shares: validation failures and malformed requests become 400 problems naming the
 * field, anything unexpected a 500 problem without class names or stack traces (the log has those).
 */
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
    public Response web(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        status = status == null ? Response.Status.BAD_REQUEST : status;
        String detail = switch (status) {
            case BAD_REQUEST -> "malformed request: check the body and parameter types";
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "method not allowed here";
            case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "unsupported media type";
            default -> "the request could not be handled";
        };
        return ProblemResponse.of(status, detail);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Log.error("Request failed", e);
        return ProblemResponse.of(Response.Status.INTERNAL_SERVER_ERROR, "internal error; see the service log");
    }

    /** "method.param" for a query parameter, "method.body.field[i].<list element>" for a body field. */
    private static String describe(ConstraintViolation<?> v) {
        String[] nodes = v.getPropertyPath().toString().replace(".<list element>", "").split("\\.");
        int first = nodes.length > 2 ? 2 : nodes.length - 1;
        return String.join(".", Arrays.copyOfRange(nodes, first, nodes.length)) + " " + v.getMessage();
    }
}
