package com.tradethehype.sentiment.rest;

import com.tradethehype.sentiment.inference.ModelUnavailableException;
import com.tradethehype.web.ProblemResponse;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** No model, no scores: 503 with the reason (still loading, or why it failed to load). */
public class ModelProblemMapper {

    @ServerExceptionMapper
    public Response unavailable(ModelUnavailableException e) {
        return ProblemResponse.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
