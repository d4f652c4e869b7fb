package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.CryptoMention;
import java.util.List;

/**
 * Why a text would be tagged as it is.
 *
 * @param tickers   each stock found, with what we know of its listing and every piece of evidence
 * @param crypto    the crypto mentions dropped
 * @param published whether an article with this text would be published (it has at least one stock)
 */
public record ExtractResponse(List<Ticker> tickers, List<CryptoMention> crypto, boolean published) {

    /** A stock and its evidence; {@code name}/{@code exchange} are null for a symbol outside the universe. */
    public record Ticker(String symbol, String name, String exchange, boolean etf, List<Evidence> evidence) {
    }

    /** One piece of evidence: its kind, the words matched and where they start in the text. */
    public record Evidence(String kind, String text, int start) {
    }
}
