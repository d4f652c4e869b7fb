package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.source.UnknownSourceException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An unknown source name is a 404, not a server error. */
@Provider
@Priority(Problems.PRIORITY)
public class UnknownSourceExceptionMapper implements ExceptionMapper<UnknownSourceException> {

    @Override
    public Response toResponse(UnknownSourceException e) {
        return Problems.answer("urn:tradethehype:problem:unknown-source", "Unknown source", 404, e.getMessage());
    }
}
