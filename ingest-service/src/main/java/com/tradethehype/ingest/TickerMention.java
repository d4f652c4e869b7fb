package com.tradethehype.ingest;

import com.tradethehype.contracts.TickerEvidence;

/**
 * A stock symbol an item is about, and why we think so.
 *
 * @param text  the words matched ({@code $AAPL}, {@code Realty Income}), or the source name for SOURCE
 * @param start where {@code text} starts in the text searched, or -1 when it does not come from the text
 */
public record TickerMention(String symbol, Evidence evidence, String text, int start) {

    /** How a symbol was found. */
    public enum Evidence {
        /** {@code $AAPL} in the text. */
        CASHTAG,
        /** {@code (NASDAQ: MSFT)} or {@code NYSE:F} in the text. */
        EXCHANGE,
        /** A company name or well-known short form ({@code Microsoft Corp.}, {@code Apple}). */
        NAME,
        /** A bare upper-case symbol with strong context ({@code Realty Income (O)}, {@code shares of NVDA}). */
        SYMBOL,
        /** The source is configured as being about this symbol. */
        SOURCE,
        /** An SEC filing names the filer by CIK ({@code 8-K - Apple Inc. (0000320193) (Filer)}). */
        FILER,
        /** {@code $MCIG}: a cashtag of a symbol outside the universe (OTC, renamed, delisted), not an index or coin. */
        UNVERIFIED_CASHTAG
    }

    public TickerMention(String symbol, Evidence evidence) {
        this(symbol, evidence, symbol, -1);
    }

    public TickerEvidence toEvidence() {
        return new TickerEvidence(symbol, evidence.name(), text);
    }
}
