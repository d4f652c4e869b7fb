package com.tradethehype.gateway.client;

/** An internal service did not answer in time, refused the connection, or its circuit breaker is open (503). */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;

    public ServiceUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
