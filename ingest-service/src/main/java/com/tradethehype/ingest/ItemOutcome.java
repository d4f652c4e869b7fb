package com.tradethehype.ingest;

/** What became of one item of a poll. */
public enum ItemOutcome {
    /** Sent to SQS for the first time. */
    PUBLISHED,
    /** Its canonical URL was published before, by this or another source. */
    DUPLICATE,
    /** Its headline matched an article another source published: recorded as one more source of that article. */
    MERGED,
    /** About no stock we could tell. */
    WITHOUT_TICKERS,
    /** About crypto only: its crypto mentions were dropped and no stock was left. */
    CRYPTO_ONLY,
    /** No usable http(s) link or no title text. */
    INVALID
}
