package com.tradethehype.digest.rest;

import com.tradethehype.digest.repository.SubscriberRepository.DuplicateEmailException;
import com.tradethehype.web.ProblemResponse;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** digest-service's own problems: unknown ticker or day (404), an e-mail that is already subscribed (409). */
public class DigestProblemMappers {

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return ProblemResponse.of(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response duplicate(DuplicateEmailException e) {
        return ProblemResponse.of(Response.Status.CONFLICT, e.getMessage());
    }
}
