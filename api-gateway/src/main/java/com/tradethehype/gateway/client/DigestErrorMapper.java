package com.tradethehype.gateway.client;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** digest-service's error answers as {@link DownstreamException}s naming it. */
public class DigestErrorMapper implements ResponseExceptionMapper<DownstreamException> {

    @Override
    public DownstreamException toThrowable(Response response) {
        return DownstreamErrors.of("digest-service", response);
    }
}
