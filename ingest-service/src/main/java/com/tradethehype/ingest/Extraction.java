package com.tradethehype.ingest;

import java.util.List;

/** What one text is about: the stock mentions kept, and the crypto mentions dropped. */
public record Extraction(List<TickerMention> mentions, List<CryptoMention> crypto) {

    public Extraction {
        mentions = List.copyOf(mentions);
        crypto = List.copyOf(crypto);
    }

    /** The sorted distinct symbols, as published in {@code ArticleIngested.tickers}. */
    public List<String> tickers() {
        return mentions.stream().map(TickerMention::symbol).distinct().sorted().toList();
    }
}
