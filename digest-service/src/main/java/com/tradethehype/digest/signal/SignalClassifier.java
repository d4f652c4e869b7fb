package com.tradethehype.digest.signal;

import com.tradethehype.digest.config.DigestConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a ticker's day is a signal, of which kind, how confident, and says why in one sentence.
 * Pure: the numbers in, the verdict out.
 */
public final class SignalClassifier {

    private final DigestConfig.Signals config;

    public SignalClassifier(DigestConfig.Signals config) {
        this.config = config;
    }

    /** The signal {@code day} makes against {@code baseline}, or empty below the evidence minimums or thresholds. */
    public Optional<Signal> classify(TickerDay day, Baseline baseline, List<Headline> headlines) {
        if (day.mentions() < config.minArticles() || day.sources() < config.minSources()) {
            return Optional.empty();
        }
        boolean spike = baseline.zScore() != null && baseline.zScore() >= config.spikeZ();
        SignalKind kind = direction(day).orElse(spike ? SignalKind.HYPE_SPIKE : null);
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(new Signal(day, baseline, kind, confidence(kind, day, baseline), explain(kind, day, baseline),
                headlines));
    }

    private Optional<SignalKind> direction(TickerDay day) {
        if (day.meanScore() == null) {
            return Optional.empty();
        }
        if (day.meanScore() >= config.directionMean() && day.positiveShare() >= config.directionShare()) {
            return Optional.of(SignalKind.BULLISH);
        }
        if (day.meanScore() <= -config.directionMean() && day.negativeShare() >= config.directionShare()) {
            return Optional.of(SignalKind.BEARISH);
        }
        return Optional.empty();
    }

    /**
     * strength x volume x breadth, each in 0..1: strength is |mean score| / 0.6 times the share agreeing with the
     * direction (for a spike: z / (2 x spike threshold)); volume 1 - e^(-mentions/8) weighted 0.4..1; breadth
     * sources / 4 weighted 0.5..1. Rounded to two decimals.
     */
    double confidence(SignalKind kind, TickerDay day, Baseline baseline) {
        double strength = switch (kind) {
            case BULLISH -> Math.min(1, day.meanScore() / 0.6) * day.positiveShare();
            case BEARISH -> Math.min(1, -day.meanScore() / 0.6) * day.negativeShare();
            case HYPE_SPIKE -> Math.min(1, baseline.zScore() / (2 * config.spikeZ()));
        };
        double volume = 1 - Math.exp(-day.mentions() / 8.0);
        double breadth = Math.min(1, day.sources() / 4.0);
        double confidence = strength * (0.4 + 0.6 * volume) * (0.5 + 0.5 * breadth);
        return Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100.0;
    }

    /** "14 articles from 5 sources, 3.2 sigma above its 7-day norm, 79 % positive." */
    static String explain(SignalKind kind, TickerDay day, Baseline baseline) {
        List<String> parts = new ArrayList<>();
        parts.add(day.mentions() + " articles from " + day.sources() + (day.sources() == 1 ? " source" : " sources"));
        parts.add(volume(baseline));
        if (day.meanScore() != null) {
            parts.add(switch (kind) {
                case BULLISH -> percent(day.positiveShare()) + " positive";
                case BEARISH -> percent(day.negativeShare()) + " negative";
                case HYPE_SPIKE -> "mixed sentiment (" + percent(day.positiveShare()) + " positive, "
                        + percent(day.negativeShare()) + " negative)";
            });
        } else {
            parts.add("not scored by the day's model");
        }
        if (day.authorTagged() > 0) {
            parts.add("authors " + percent(day.authorBullishShare()) + " bullish (" + day.authorTagged() + " tagged)");
        }
        return String.join(", ", parts) + ".";
    }

    private static String volume(Baseline baseline) {
        if (baseline.zScore() == null) {
            return "baseline still building (" + baseline.historyDays() + " of " + baseline.fullDays() + " days)";
        }
        String norm = baseline.building()
                ? "its " + baseline.historyDays() + "-day norm (baseline building, " + baseline.historyDays() + " of "
                        + baseline.fullDays() + " days)"
                : "its " + baseline.fullDays() + "-day norm";
        double z = baseline.zScore();
        return String.format(Locale.ROOT, "%.1f sigma %s %s", Math.abs(z), z < 0 ? "below" : "above", norm);
    }

    static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
