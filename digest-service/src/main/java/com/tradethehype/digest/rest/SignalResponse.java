package com.tradethehype.digest.rest;

import com.tradethehype.digest.signal.Headline;
import com.tradethehype.digest.signal.Signal;
import java.util.List;

/** A signal as the API shows it: kind, confidence, the numbers, the explanation and its headlines. */
public record SignalResponse(String ticker, String kind, double confidence, int mentions, int sources, int scored,
                             Double meanScore, Double positiveShare, Double negativeShare, int authorTagged,
                             Double authorBullishShare, BaselineResponse baseline, String explanation,
                             List<Headline> headlines) {

    /** The mention baseline: building while fewer than {@code fullDays} days of history exist. */
    public record BaselineResponse(int daysOfHistory, int fullDays, boolean building, Double mean, Double std,
                                   Double zScore) {
    }

    public static SignalResponse from(Signal s) {
        var d = s.day();
        var b = s.baseline();
        return new SignalResponse(s.ticker(), s.kind().name(), s.confidence(), d.mentions(), d.sources(), d.scored(),
                d.meanScore(), d.positiveShare(), d.negativeShare(), d.authorTagged(), d.authorBullishShare(),
                new BaselineResponse(b.historyDays(), b.fullDays(), b.building(), b.mean(), b.std(), b.zScore()),
                s.explanation(), s.headlines());
    }
}
