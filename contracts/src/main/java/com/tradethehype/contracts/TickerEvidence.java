package com.tradethehype.contracts;

import java.util.Objects;

/**
 * Why an article was tagged with a ticker: one piece of evidence found in its text or its source.
 *
 * @param symbol the upper-case stock symbol, as in {@link ArticleIngested#tickers()}
 * @param kind   how it was found: {@code CASHTAG}, {@code EXCHANGE}, {@code NAME}, {@code SYMBOL}, {@code SOURCE}
 *               or {@code FILER}; consumers must accept kinds added later
 * @param text   the words that were matched (e.g. {@code $AAPL}, {@code Realty Income}), or the source name
 */
public record TickerEvidence(String symbol, String kind, String text) {

    public TickerEvidence {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }
}
