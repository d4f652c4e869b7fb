package com.tradethehype.ingest.feed;

/** A feed body is not a well-formed, acceptable RSS 2.0 or Atom document; the message names the source. */
public class FeedParseException extends RuntimeException {

    public FeedParseException(String source, String problem, Throwable cause) {
        super("Feed of source " + source + " rejected: " + problem, cause);
    }
}
