package com.tradethehype.ingest.rest;

import com.tradethehype.web.ProblemResponse;
import jakarta.ws.rs.core.Response;

/**
 * Ingest's problem answers in the shared {@code rest-problems} contract ({@link ProblemResponse}, one body and media
 * type for every service), keeping ingest's own problem types and field-level details. Ingest's mappers carry a
 * higher priority than the shared ones, so its more specific answers win where both apply.
 */
final class Problems {

    /** Priority of ingest's mappers: ahead of {@code rest-problems}' defaults. */
    static final int PRIORITY = jakarta.ws.rs.Priorities.USER - 100;

    private Problems() {
    }

    static Response answer(String type, String title, int status, String detail) {
        return Response.status(status).type(ProblemResponse.MEDIA_TYPE)
                .entity(new ProblemResponse(type, title, status, detail)).build();
    }
}
