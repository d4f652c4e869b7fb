package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.source.SourceExistsException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Adding a source under a name in use is a conflict, not an overwrite. */
@Provider
@Priority(Problems.PRIORITY)
public class SourceExistsExceptionMapper implements ExceptionMapper<SourceExistsException> {

    @Override
    public Response toResponse(SourceExistsException e) {
        return Problems.answer("urn:tradethehype:problem:source-exists", "Source exists", 409, e.getMessage());
    }
}
