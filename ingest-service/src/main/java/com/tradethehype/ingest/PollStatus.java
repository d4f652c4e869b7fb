package com.tradethehype.ingest;

/** How one poll of one source ended. */
public enum PollStatus {
    /** The feed was read and every item handled. */
    OK,
    /** The feed was read and is well-formed, but holds no items: worth watching, not an error. */
    EMPTY,
    /** The feed answered 304 Not Modified: nothing to do. */
    UNCHANGED,
    /** Fetching, parsing or publishing failed; the next poll tries again. */
    FAILED
}
