package com.tradethehype.digest.signal;

import com.tradethehype.contracts.ModelRef;
import com.tradethehype.digest.config.DigestConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** Computes a digest day's signals from the stored articles and scores. */
@ApplicationScoped
public class SignalEngine {

    private static final Duration DAY = Duration.ofDays(1);

    private final SignalQueries queries;
    private final CryptoGuard crypto;
    private final DigestConfig config;
    private final SignalClassifier classifier;

    public SignalEngine(SignalQueries queries, CryptoGuard crypto, DigestConfig config) {
        this.queries = queries;
        this.crypto = crypto;
        this.config = config;
        this.classifier = new SignalClassifier(config.signals());
    }

    public DigestWindow window(LocalDate date) {
        return DigestWindow.of(date, config.windowEnd(), config.zone(), config.signals().window());
    }

    /** The day's numbers and signals, strongest first within each kind. */
    public Uni<DayResult> compute(LocalDate date) {
        DigestWindow w = window(date);
        var s = config.signals();
        return queries.totals(w.start(), w.end()).flatMap(totals -> queries.dominantModel(w.start(), w.end())
                .flatMap(model -> queries.firstStored().flatMap(first -> {
                    int history = historyDays(first, w.start(), s.baselineDays());
                    if (model.isEmpty()) {
                        return Uni.createFrom().item(new DayResult(w, totals.articles(), totals.sources(), 0, null,
                                history, List.of()));
                    }
                    ModelRef m = model.get();
                    return queries.tickerDays(w.start(), w.end(), m).flatMap(days -> {
                        List<TickerDay> candidates = days.stream()
                                .filter(d -> d.mentions() >= s.minArticles() && d.sources() >= s.minSources())
                                .filter(d -> !crypto.isCoinOnly(d.ticker()))
                                .toList();
                        return classify(w, m, history, candidates)
                                .flatMap(signals -> queries.scoredArticles(w.start(), w.end(), m)
                                        .map(n -> new DayResult(w, totals.articles(), totals.sources(), n, m, history,
                                                signals)));
                    });
                })));
    }

    private Uni<List<Signal>> classify(DigestWindow w, ModelRef model, int history, List<TickerDay> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        var s = config.signals();
        List<String> tickers = candidates.stream().map(TickerDay::ticker).toList();
        return queries.dailyMentions(w.start(), s.baselineDays(), DAY, tickers)
                .flatMap(daily -> queries.headlines(w.start(), w.end(), model, tickers, s.headlines())
                        .map(headlines -> {
                            List<Signal> signals = new ArrayList<>();
                            for (TickerDay day : candidates) {
                                Baseline baseline = Baseline.of(day.mentions(),
                                        daily.getOrDefault(day.ticker(), new int[s.baselineDays()]), history,
                                        s.baselineDays(), s.minBaselineDays(), s.minStd());
                                classifier.classify(day, baseline, List.of()).ifPresent(signal -> signals.add(
                                        withHeadlines(signal, headlines.getOrDefault(day.ticker(), List.of()))));
                            }
                            signals.sort(Comparator.comparing(Signal::kind)
                                    .thenComparing(Comparator.comparingDouble(Signal::confidence).reversed())
                                    .thenComparing(sig -> -sig.day().mentions())
                                    .thenComparing(Signal::ticker));
                            return signals;
                        }));
    }

    private Signal withHeadlines(Signal signal, List<SignalQueries.RankedHeadline> ranked) {
        ToIntFunction<SignalQueries.RankedHeadline> rank = switch (signal.kind()) {
            case BULLISH -> SignalQueries.RankedHeadline::high;
            case BEARISH -> SignalQueries.RankedHeadline::low;
            case HYPE_SPIKE -> SignalQueries.RankedHeadline::recent;
        };
        List<Headline> picked = ranked.stream().filter(r -> rank.applyAsInt(r) <= config.signals().headlines())
                .sorted(Comparator.comparingInt(rank)).map(SignalQueries.RankedHeadline::headline).toList();
        return new Signal(signal.day(), signal.baseline(), signal.kind(), signal.confidence(), signal.explanation(),
                picked);
    }

    /** Whole days between the first stored article and the window, capped at the baseline length. */
    static int historyDays(Optional<Instant> firstStored, Instant windowStart, int baselineDays) {
        if (firstStored.isEmpty() || !firstStored.get().isBefore(windowStart)) {
            return 0;
        }
        long days = Duration.between(firstStored.get(), windowStart).toDays();
        return (int) Math.min(baselineDays, days);
    }
}
