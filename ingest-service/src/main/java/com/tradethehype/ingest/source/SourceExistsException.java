package com.tradethehype.ingest.source;

/** {@code POST /sources} named a source that already exists. */
public class SourceExistsException extends RuntimeException {

    public SourceExistsException(String name) {
        super("A source named '" + name + "' already exists; delete it first to replace it");
    }
}
