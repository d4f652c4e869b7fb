package com.tradethehype.digest.rest;

import com.tradethehype.contracts.ModelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One ticker over recent days: daily mentions and sentiment, its signals, its latest scored headlines. */
public record TickerResponse(String ticker, List<DayPoint> days, List<SignalHistory> signals,
                             List<ScoredHeadline> headlines) {

    /** A calendar day in the digest's time zone; {@code meanScore} is null on a day without scored articles. */
    public record DayPoint(LocalDate date, int mentions, Double meanScore) {
    }

    /** A past signal of the ticker. */
    public record SignalHistory(LocalDate date, String kind, double confidence, String explanation) {
    }

    /**
     * A headline with its latest score and the model that gave it (null fields when not scored yet); {@code undated}:
     * the source gave no date and {@code publishedAt} is when ingest first saw it.
     */
    public record ScoredHeadline(String articleId, String title, String url, String source, Instant publishedAt,
                                 String label, Double score, Double positive, Double negative, Double neutral,
                                 ModelRef model, boolean undated) {
    }
}
