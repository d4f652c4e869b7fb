package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.source.InvalidSourceException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A source that cannot be polled as written is the caller's mistake: 400, saying what is wrong. */
@Provider
@Priority(Problems.PRIORITY)
public class InvalidSourceExceptionMapper implements ExceptionMapper<InvalidSourceException> {

    @Override
    public Response toResponse(InvalidSourceException e) {
        return Problems.answer("urn:tradethehype:problem:invalid-source", "Invalid source", 400, e.getMessage());
    }
}
