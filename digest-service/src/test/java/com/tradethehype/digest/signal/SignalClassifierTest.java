package com.tradethehype.digest.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.digest.config.DigestConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The thresholds, the std floor and the explanation, on numbers alone. */
class SignalClassifierTest {

    /** The defaults of DigestConfig.Signals, with min-articles lowered where a test needs to isolate the floor. */
    static DigestConfig.Signals config(int minArticles, int minSources) {
        return new DigestConfig.Signals() {
            public Duration window() { return Duration.ofHours(24); }
            public int baselineDays() { return 7; }
            public int minBaselineDays() { return 3; }
            public int minArticles() { return minArticles; }
            public int minSources() { return minSources; }
            public double spikeZ() { return 3.0; }
            public double minStd() { return 1.5; }
            public double directionMean() { return 0.2; }
            public double directionShare() { return 0.5; }
            public int headlines() { return 3; }
        };
    }

    private static TickerDay day(String ticker, int mentions, int sources, double mean, double pos, double neg) {
        return new TickerDay(ticker, mentions, sources, mentions, mean, pos, neg, 0, 0);
    }

    @Test
    void aJumpFromZeroToTwoMentionsIsNotASpikeEvenWithoutEvidenceMinimums() {
        Baseline baseline = Baseline.of(2, new int[7], 7, 7, 3, 1.5);
        assertEquals(0.0, baseline.std());
        assertEquals(2 / 1.5, baseline.zScore(), 1e-9, "the floor, not a zero std, divides");
        var classifier = new SignalClassifier(config(1, 1));
        assertTrue(classifier.classify(day("ZZZ", 2, 2, 0.0, 0.3, 0.3), baseline, List.of()).isEmpty());
    }

    @Test
    void volumeFarAboveItsNormWithMixedSentimentIsAHypeSpike() {
        Baseline baseline = Baseline.of(14, new int[] {2, 1, 3, 2, 2, 1, 3}, 7, 7, 3, 1.5);
        var signal = new SignalClassifier(config(3, 2)).classify(day("NVDA", 14, 5, 0.05, 0.43, 0.36), baseline, List.of())
                .orElseThrow();
        assertEquals(SignalKind.HYPE_SPIKE, signal.kind());
        assertEquals(2.0, baseline.mean(), 1e-9);
        assertTrue(baseline.zScore() >= 3, "z " + baseline.zScore());
        assertEquals(String.format(java.util.Locale.ROOT, "14 articles from 5 sources, %.1f sigma above its 7-day "
                + "norm, mixed sentiment (43 %% positive, 36 %% negative).", baseline.zScore()), signal.explanation());
    }

    @Test
    void aClearDirectionWinsOverTheSpikeAndTheExplanationQuotesTheShares() {
        Baseline baseline = Baseline.of(14, new int[] {1, 0, 2, 1, 1, 0, 2}, 7, 7, 3, 1.5);
        var signal = new SignalClassifier(config(3, 2)).classify(day("AAPL", 14, 5, 0.61, 0.79, 0.07), baseline, List.of())
                .orElseThrow();
        assertEquals(SignalKind.BULLISH, signal.kind());
        assertTrue(signal.explanation().startsWith("14 articles from 5 sources, "), signal.explanation());
        assertTrue(signal.explanation().endsWith("above its 7-day norm, 79 % positive."), signal.explanation());
        assertTrue(signal.confidence() > 0.5 && signal.confidence() <= 1, "confidence " + signal.confidence());
    }

    @Test
    void belowTheEvidenceMinimumsNothingIsASignal() {
        Baseline baseline = Baseline.of(9, new int[7], 7, 7, 3, 1.5);
        var classifier = new SignalClassifier(config(3, 2));
        assertTrue(classifier.classify(day("F", 9, 1, -0.7, 0.0, 0.9), baseline, List.of()).isEmpty(), "one source");
        assertTrue(classifier.classify(day("F", 2, 2, -0.7, 0.0, 0.9), baseline, List.of()).isEmpty(), "two articles");
        assertEquals(SignalKind.BEARISH,
                classifier.classify(day("F", 3, 2, -0.7, 0.0, 0.9), baseline, List.of()).orElseThrow().kind());
    }

    @Test
    void aShortHistoryIsReportedAsBuildingAndNeverGivesASpike() {
        Baseline baseline = Baseline.of(40, new int[] {0, 0, 0, 0, 0, 0, 0}, 2, 7, 3, 1.5);
        assertTrue(baseline.building());
        assertNull(baseline.zScore());
        var classifier = new SignalClassifier(config(3, 2));
        assertTrue(classifier.classify(day("GME", 40, 6, 0.0, 0.3, 0.3), baseline, List.of()).isEmpty());
        var bullish = classifier.classify(day("GME", 40, 6, 0.5, 0.7, 0.1), baseline, List.of()).orElseThrow();
        assertEquals("40 articles from 6 sources, baseline still building (2 of 7 days), 70 % positive.",
                bullish.explanation());
        Baseline partial = Baseline.of(10, new int[] {1, 2, 1, 0, 0, 0, 0}, 3, 7, 3, 1.5);
        assertTrue(partial.building());
        assertEquals(4.0 / 3, partial.mean(), 1e-9, "mean over the 3 days there are, not 7");
    }

    @Test
    void theDigestWindowEndsAt0630InPhoenixAllYear() {
        var winter = DigestWindow.of(java.time.LocalDate.parse("2026-01-15"), java.time.LocalTime.of(6, 30),
                java.time.ZoneId.of("America/Phoenix"), Duration.ofHours(24));
        var summer = DigestWindow.of(java.time.LocalDate.parse("2026-07-15"), java.time.LocalTime.of(6, 30),
                java.time.ZoneId.of("America/Phoenix"), Duration.ofHours(24));
        assertEquals(java.time.Instant.parse("2026-01-15T13:30:00Z"), winter.end());
        assertEquals(java.time.Instant.parse("2026-07-15T13:30:00Z"), summer.end());
        assertEquals(java.time.Instant.parse("2026-07-14T13:30:00Z"), summer.start());
    }
}
