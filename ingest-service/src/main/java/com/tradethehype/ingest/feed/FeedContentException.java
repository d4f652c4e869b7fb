package com.tradethehype.ingest.feed;

/**
 * A response that is not the kind of document the source promises (an HTML error page, JSON where XML was
 * expected, an image, bytes that are not valid text): rejected before parsing, with a message naming the source.
 */
public class FeedContentException extends FeedParseException {

    public FeedContentException(String source, String problem) {
        super(source, problem, null);
    }
}
