package com.tradethehype.ingest.service;

import com.tradethehype.ingest.TickerMention;
import com.tradethehype.ingest.TickerMention.Evidence;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds tickers written out explicitly: cashtags ({@code $AAPL}, {@code $BRK.B}) and exchange prefixes
 * ({@code (NASDAQ: MSFT)}, {@code NYSE:F}). Crypto cashtags ({@code $BTC.X}, {@code $ETH-USD}) and amounts
 * ({@code $100}) are not tickers. Upper-case symbols only: without a universe to check against, {@code $tsla}
 * is worth less than the false positives lower case would bring.
 */
@ApplicationScoped
@DefaultBean
public class PatternTickerExtractor implements TickerExtractor {

    /** 1-5 letters, optionally a one-letter share class after '.' or '-'; never glued to more symbol text. */
    private static final String SYMBOL = "([A-Z]{1,5})(?:([.\\-])([A-Z]))?(?![A-Za-z0-9_]|[.\\-][A-Za-z0-9])";
    private static final Pattern CASHTAG = Pattern.compile("(?<![A-Za-z0-9_$])\\$" + SYMBOL);
    private static final Pattern EXCHANGE = Pattern.compile(
            "\\b(?i:NASDAQ(?:GS|GM|CM)?|NYSE(?:\\s?(?:American|Arca|MKT))?|AMEX|Cboe(?:\\s?BZX)?|OTC(?:QX|QB)?)"
                    + "\\s*:\\s*" + SYMBOL);
    /** Stocktwits writes crypto as {@code $BTC.X}; no listed share class is X. */
    private static final String CRYPTO_SUFFIX = "X";

    @Override
    public List<TickerMention> mentions(String text, List<String> sourceTickers) {
        Set<TickerMention> found = new LinkedHashSet<>();
        if (text != null) {
            collect(CASHTAG.matcher(text), Evidence.CASHTAG, found);
            collect(EXCHANGE.matcher(text), Evidence.EXCHANGE, found);
        }
        sourceTickers.forEach(symbol -> found.add(new TickerMention(symbol, Evidence.SOURCE)));
        return List.copyOf(found);
    }

    private static void collect(Matcher matcher, Evidence evidence, Set<TickerMention> found) {
        while (matcher.find()) {
            String shareClass = matcher.group(3);
            if (".".equals(matcher.group(2)) && CRYPTO_SUFFIX.equals(shareClass)) {
                continue;
            }
            // BRK-B and BRK.B are the same listing; publish one spelling
            found.add(new TickerMention(shareClass == null ? matcher.group(1) : matcher.group(1) + "." + shareClass,
                    evidence));
        }
    }
}
