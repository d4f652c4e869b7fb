package com.tradethehype.ingest.extraction;

/**
 * One listed security of the ticker universe.
 *
 * @param symbol   as published: upper case, share class after a dot ({@code BRK.B})
 * @param name     the company or fund name (SEC title, else the NASDAQ Trader security name)
 * @param exchange {@code Nasdaq}, {@code NYSE}, {@code CBOE}, {@code OTC}, or null when neither file says
 * @param cik      the SEC central index key, or 0 when the SEC file does not list the symbol
 * @param etf      NASDAQ Trader flags it as an ETF
 */
public record Listing(String symbol, String name, String exchange, long cik, boolean etf) {
}
