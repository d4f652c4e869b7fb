package com.tradethehype.digest.mail;

import java.util.List;

/**
 * What one digest mail shows, already formatted; the templates only lay it out (and escape it).
 *
 * @param subject        the mail's subject
 * @param dateText       the digest day, e.g. "Tuesday 1 December 2026"
 * @param summary        one line under the title: how many signals, or that the day is quiet
 * @param quiet          true when no ticker passed the thresholds
 * @param sections       top hype spikes, bullish, bearish (empty sections left out)
 * @param watchlist      the subscriber's own tickers, each with its day (empty when none or no subscriber)
 * @param model          "tth-finbert-mini v6" - the model that scored the day
 * @param articles       articles behind the day
 * @param sources        distinct sources behind the day
 * @param window         "06:30 Mon 30 Nov - 06:30 Tue 1 Dec (America/Phoenix)"
 * @param unsubscribeUrl signed one-click link, null when rendered for the dashboard
 */
public record MailView(String subject, String dateText, String summary, boolean quiet, List<Section> sections,
                       List<WatchItem> watchlist, String model, int articles, int sources, String window,
                       String unsubscribeUrl) {

    /** A titled list of signals. */
    public record Section(String title, String color, List<Entry> entries) {
    }

    /** One signal: ticker, kind, confidence, explanation and up to three headline links. */
    public record Entry(String ticker, String kind, String color, String confidence, String explanation,
                        List<Link> links) {
    }

    /** A headline; {@code url} is null when the feed's link was not http(s). */
    public record Link(String title, String url, String source, String score) {
    }

    /** A watched ticker: its signal if it has one, else a line with its numbers. */
    public record WatchItem(String ticker, String line, Entry signal) {
    }
}
