package com.tradethehype.ingest;

/** A stock symbol an item is about, and why we think so. */
public record TickerMention(String symbol, Evidence evidence) {

    /** How a symbol was found; later extractors add their own kinds of evidence. */
    public enum Evidence {
        /** {@code $AAPL} in the text. */
        CASHTAG,
        /** {@code (NASDAQ: MSFT)} in the text. */
        EXCHANGE,
        /** The source is configured as being about this symbol. */
        SOURCE
    }
}
