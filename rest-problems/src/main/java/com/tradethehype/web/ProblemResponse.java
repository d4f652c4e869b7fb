package com.tradethehype.web;

import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details, the body of every error the services answer. */
public record ProblemResponse(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A {@code status} answer with a problem body whose detail a user can act on. */
    public static Response of(Response.Status status, String detail) {
        var body = new ProblemResponse("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
