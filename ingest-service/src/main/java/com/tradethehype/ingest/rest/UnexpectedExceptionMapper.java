package com.tradethehype.ingest.rest;

import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything else is our fault: logged in full here, answered without class names or stack traces. */
@Provider
@Priority(Problems.PRIORITY)
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    @Override
    public Response toResponse(Exception e) {
        Log.error("Request failed unexpectedly", e);
        return Problems.answer("about:blank", "Internal Server Error", 500,
                "The request could not be completed; the service log has the details.");
    }
}
