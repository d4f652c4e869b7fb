package com.tradethehype.ingest.rest;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail; the only error body this service answers with. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
