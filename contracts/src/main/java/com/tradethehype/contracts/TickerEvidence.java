package com.tradethehype.contracts;

import java.util.Objects;

/**
 * Why an article was tagged with a ticker: one piece of evidence found in its text or its source.
 *
 * @param symbol the upper-case stock symbol, as in {@link ArticleIngested#tickers()}
 * @param kind   how it was found: {@code CASHTAG}, {@code EXCHANGE}, {@code NAME}, {@code SYMBOL}, {@code SOURCE},
 *               {@code FILER}, or {@code UNVERIFIED_CASHTAG} (a cashtag of a symbol outside the known listings, e.g. an
 *               OTC or delisted name: weigh it lower); consumers must accept kinds added later
 * @param text   the words that were matched (e.g. {@code $AAPL}, {@code Realty Income}), or the source name
 */
public record TickerEvidence(String symbol, String kind, String text) {

    public TickerEvidence {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }
}
