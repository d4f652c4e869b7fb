package com.tradethehype.gateway.client;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** sentiment-service's error answers as {@link DownstreamException}s naming it. */
public class SentimentErrorMapper implements ResponseExceptionMapper<DownstreamException> {

    @Override
    public DownstreamException toThrowable(Response response) {
        return DownstreamErrors.of("sentiment-service", response);
    }
}
