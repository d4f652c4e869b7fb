package com.tradethehype.ingest.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Framework errors (no such path, wrong method, bad input) keep their status but answer as problems too. */
@Provider
@Priority(Problems.PRIORITY)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problems.answer("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage());
    }
}
