package com.tradethehype.ingest.source;

/** A request named a source that is not configured. */
public class UnknownSourceException extends RuntimeException {

    private final String name;

    public UnknownSourceException(String name) {
        super("No source named '" + name + "' is configured");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
