package com.tradethehype.ingest.client;

/** digest-service did not answer, or answered with an error: nothing can be concluded about any article. */
public class DigestUnavailableException extends RuntimeException {

    public DigestUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
