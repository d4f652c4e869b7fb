package com.tradethehype.ingest.source;

/** A source definition (configuration or {@code POST /sources}) that cannot be polled as written. */
public class InvalidSourceException extends RuntimeException {

    public InvalidSourceException(String message) {
        super(message);
    }
}
