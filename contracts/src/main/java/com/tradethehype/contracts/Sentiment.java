package com.tradethehype.contracts;

/**
 * Class probabilities of one text; they sum to 1 within rounding.
 *
 * @param positive probability of a positive (bullish) reading
 * @param negative probability of a negative (bearish) reading
 * @param neutral  probability of a neutral reading
 */
public record Sentiment(double positive, double negative, double neutral) {

    public Sentiment {
        check("positive", positive);
        check("negative", negative);
        check("neutral", neutral);
    }

    /** {@code positive - negative}, in [-1, 1]. */
    public double score() {
        return positive - negative;
    }

    /** The most probable label: {@code positive}, {@code negative} or {@code neutral}. */
    public String label() {
        if (positive >= negative && positive >= neutral) {
            return "positive";
        }
        return negative >= neutral ? "negative" : "neutral";
    }

    private static void check(String name, double p) {
        if (Double.isNaN(p) || p < 0 || p > 1.000001) {
            throw new IllegalArgumentException(name + " must be a probability, was " + p);
        }
    }
}
