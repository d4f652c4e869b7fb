package com.tradethehype.ingest.fetch;

/** A feed could not be downloaded: network error, timeout, non-2xx status or an oversized body. */
public class FeedFetchException extends RuntimeException {

    public FeedFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
