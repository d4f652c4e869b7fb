package com.tradethehype.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/** Turns an error answer of an internal service into a {@link DownstreamException} carrying its problem detail. */
final class DownstreamErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private DownstreamErrors() {
    }

    static DownstreamException of(String service, Response response) {
        if (response.getStatus() < 400) {
            return null;
        }
        String detail = null;
        try {
            response.bufferEntity();
            String body = response.readEntity(String.class);
            JsonNode problem = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                detail = problem.get("detail").asText();
                detail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
            }
        } catch (Exception e) {
            // not a problem body: the status alone is reported
        }
        return new DownstreamException(service, response.getStatus(), detail);
    }
}
