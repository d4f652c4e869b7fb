package com.tradethehype.ingest.extraction;

import com.tradethehype.ingest.Extraction;
import com.tradethehype.ingest.TickerMention;
import java.util.List;

/** Works out which stocks a text is about, and which crypto mentions in it were dropped. */
public interface TickerExtractor {

    /** Each symbol {@code text} mentions, plus {@code sourceTickers}, with the evidence for each. */
    Extraction extract(String text, List<String> sourceTickers);

    /** The symbols of the SEC filer with central index key {@code cik}, primary first; empty when unknown. */
    default List<String> symbolsOfFiler(long cik) {
        return List.of();
    }

    default List<TickerMention> mentions(String text, List<String> sourceTickers) {
        return extract(text, sourceTickers).mentions();
    }

    /** The sorted distinct symbols, as published in {@code ArticleIngested.tickers}. */
    default List<String> tickers(String text, List<String> sourceTickers) {
        return extract(text, sourceTickers).tickers();
    }
}
