package com.tradethehype.ingest.service;

import com.tradethehype.ingest.TickerMention;
import java.util.List;

/**
 * Works out which stocks a text is about. The foundation version recognises explicit forms only; a universe-backed
 * extractor (company names, validation against listed symbols) can replace it as another bean.
 */
public interface TickerExtractor {

    /** Each symbol {@code text} mentions, plus {@code sourceTickers}, with the evidence for it. */
    List<TickerMention> mentions(String text, List<String> sourceTickers);

    /** The sorted distinct symbols, as published in {@code ArticleIngested.tickers}. */
    default List<String> tickers(String text, List<String> sourceTickers) {
        return mentions(text, sourceTickers).stream().map(TickerMention::symbol).distinct().sorted().toList();
    }
}
