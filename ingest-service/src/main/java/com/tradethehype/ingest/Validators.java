package com.tradethehype.ingest;

/** What a feed said about its current version; either part may be null. */
public record Validators(String etag, String lastModified) {

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
