package com.tradethehype.digest.signal;

/**
 * One ticker's numbers in a digest window.
 *
 * @param ticker        upper-case symbol
 * @param mentions      distinct stored articles tagged with it
 * @param sources       distinct sources of those articles
 * @param scored        how many of them the day's model scored
 * @param meanScore     mean of (positive - negative) over the scored ones; null when none was scored
 * @param positiveShare share of scored articles labelled positive; null when none was scored
 * @param negativeShare share of scored articles labelled negative; null when none was scored
 * @param authorTagged  articles whose author tagged them Bullish or Bearish (Stocktwits)
 * @param authorBullish of those, how many Bullish
 */
public record TickerDay(String ticker, int mentions, int sources, int scored, Double meanScore, Double positiveShare,
                        Double negativeShare, int authorTagged, int authorBullish) {

    /** Bullish share of the author tags, or null when no author tagged a post. */
    public Double authorBullishShare() {
        return authorTagged == 0 ? null : (double) authorBullish / authorTagged;
    }
}
