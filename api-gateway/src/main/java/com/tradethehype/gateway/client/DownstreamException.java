package com.tradethehype.gateway.client;

/**
 * An internal service answered with an error status. {@code detail} is its problem detail when it sent one;
 * a 4xx is the caller's to see (404 stays 404), a 5xx is the service's fault.
 */
public class DownstreamException extends RuntimeException {

    private final String service;
    private final int status;
    private final String detail;

    public DownstreamException(String service, int status, String detail) {
        super(service + " answered " + status);
        this.service = service;
        this.status = status;
        this.detail = detail;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The downstream problem's detail, or null. */
    public String detail() {
        return detail;
    }
}
