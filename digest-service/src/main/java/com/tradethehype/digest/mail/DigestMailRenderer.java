package com.tradethehype.digest.mail;

import com.tradethehype.digest.Subscriber;
import com.tradethehype.digest.config.DigestConfig;
import com.tradethehype.digest.signal.DayResult;
import com.tradethehype.digest.signal.Headline;
import com.tradethehype.digest.signal.Signal;
import com.tradethehype.digest.signal.SignalKind;
import com.tradethehype.digest.signal.TickerDay;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a digest day (and a subscriber, when there is one) into the mail's subject, HTML and text. */
@ApplicationScoped
public class DigestMailRenderer {

    /** The rendered mail. */
    public record Rendered(String subject, String html, String text) {
    }

    @CheckedTemplate(basePath = "DigestMail")
    static class Templates {
        static native TemplateInstance html(MailView view);

        static native TemplateInstance text(MailView view);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("HH:mm EEE d MMM", Locale.ENGLISH);

    private final DigestConfig config;
    private final UnsubscribeTokens tokens;

    public DigestMailRenderer(DigestConfig config, UnsubscribeTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    /** The mail of {@code day} for {@code subscriber}; {@code tickerDays} give watchlist tickers without signal. */
    public Rendered render(DayResult day, Optional<Subscriber> subscriber, Map<String, TickerDay> tickerDays) {
        MailView view = view(day, subscriber, tickerDays);
        return new Rendered(view.subject(), Templates.html(view).render(), Templates.text(view).render());
    }

    MailView view(DayResult day, Optional<Subscriber> subscriber, Map<String, TickerDay> tickerDays) {
        int per = config.mail().perSection();
        List<MailView.Section> sections = new ArrayList<>();
        addSection(sections, "Top hype spikes", "#7c3aed", day, SignalKind.HYPE_SPIKE, per);
        addSection(sections, "Top bullish", "#047857", day, SignalKind.BULLISH, per);
        addSection(sections, "Top bearish", "#b91c1c", day, SignalKind.BEARISH, per);
        List<MailView.WatchItem> watch = subscriber.map(s -> watchlist(s, day, tickerDays)).orElse(List.of());
        String window = WINDOW.format(day.window().start().atZone(config.zone())) + " - "
                + WINDOW.format(day.window().end().atZone(config.zone())) + " (" + config.zone().getId() + ")";
        String model = day.model() == null ? "no model (nothing was scored)"
                : day.model().id() + " v" + day.model().version();
        String unsubscribe = subscriber.map(this::unsubscribeUrl).orElse(null);
        return new MailView(subject(day), DAY.format(day.window().date()), summary(day), day.signals().isEmpty(),
                sections, watch, model, day.articles(), day.sources(), window, unsubscribe);
    }

    /** The signed one-click unsubscribe link of {@code subscriber}. */
    public String unsubscribeUrl(Subscriber subscriber) {
        return config.mail().publicUrl().replaceAll("/+$", "") + "/unsubscribe?token=" + tokens.issue(subscriber.id());
    }

    static String subject(DayResult day) {
        String date = day.window().date().toString();
        if (day.signals().isEmpty()) {
            return "TradeTheHype " + date + ": a quiet day (" + day.articles() + " articles, no signal)";
        }
        return "TradeTheHype " + date + ": " + counts(day);
    }

    private static String summary(DayResult day) {
        if (day.signals().isEmpty()) {
            return "No signal today across " + day.articles() + " articles from " + day.sources() + " sources.";
        }
        return counts(day) + " from " + day.articles() + " articles and " + day.sources() + " sources.";
    }

    private static String counts(DayResult day) {
        long spikes = count(day, SignalKind.HYPE_SPIKE);
        long bullish = count(day, SignalKind.BULLISH);
        long bearish = count(day, SignalKind.BEARISH);
        List<String> parts = new ArrayList<>();
        if (spikes > 0) {
            parts.add(spikes + (spikes == 1 ? " hype spike" : " hype spikes"));
        }
        if (bullish > 0) {
            parts.add(bullish + " bullish");
        }
        if (bearish > 0) {
            parts.add(bearish + " bearish");
        }
        return String.join(", ", parts);
    }

    private static long count(DayResult day, SignalKind kind) {
        return day.signals().stream().filter(s -> s.kind() == kind).count();
    }

    private static void addSection(List<MailView.Section> sections, String title, String color, DayResult day,
                                   SignalKind kind, int limit) {
        List<MailView.Entry> entries = day.signals().stream().filter(s -> s.kind() == kind).limit(limit)
                .map(DigestMailRenderer::entry).toList();
        if (!entries.isEmpty()) {
            sections.add(new MailView.Section(title, color, entries));
        }
    }

    static MailView.Entry entry(Signal s) {
        List<MailView.Link> links = s.headlines().stream().limit(3).map(DigestMailRenderer::link).toList();
        return new MailView.Entry(s.ticker(), label(s.kind()), color(s.kind()),
                Math.round(s.confidence() * 100) + " %", s.explanation(), links);
    }

    private static MailView.Link link(Headline h) {
        String score = h.score() == null ? "n/a" : String.format(Locale.ROOT, "%+.2f", h.score());
        return new MailView.Link(h.title(), safeUrl(h.url()), h.undated() ? h.source() + ", undated" : h.source(), score);
    }

    private List<MailView.WatchItem> watchlist(Subscriber s, DayResult day, Map<String, TickerDay> tickerDays) {
        List<MailView.WatchItem> items = new ArrayList<>();
        for (String ticker : s.watchlist()) {
            Optional<Signal> signal = day.signals().stream().filter(x -> x.ticker().equals(ticker)).findFirst();
            if (signal.isPresent()) {
                items.add(new MailView.WatchItem(ticker, label(signal.get().kind()) + " - " + signal.get().explanation(),
                        entry(signal.get())));
                continue;
            }
            TickerDay d = tickerDays.get(ticker);
            String line = d == null ? "no mentions in the last 24 hours."
                    : d.mentions() + (d.mentions() == 1 ? " article" : " articles") + " from " + d.sources()
                    + (d.sources() == 1 ? " source" : " sources") + (d.meanScore() == null ? ""
                    : String.format(Locale.ROOT, ", mean score %+.2f", d.meanScore())) + "; no signal.";
            items.add(new MailView.WatchItem(ticker, line, null));
        }
        return items;
    }

    private static String label(SignalKind kind) {
        return switch (kind) {
            case HYPE_SPIKE -> "HYPE SPIKE";
            case BULLISH -> "BULLISH";
            case BEARISH -> "BEARISH";
        };
    }

    private static String color(SignalKind kind) {
        return switch (kind) {
            case HYPE_SPIKE -> "#7c3aed";
            case BULLISH -> "#047857";
            case BEARISH -> "#b91c1c";
        };
    }

    /** Only absolute http(s) links become links; anything else from a feed stays plain text. */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toASCIIString() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
