package com.tradethehype.ingest.extraction;

import com.tradethehype.ingest.CryptoMention;
import com.tradethehype.ingest.Extraction;
import com.tradethehype.ingest.TickerMention.Evidence;
import com.tradethehype.ingest.TickerMention;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds tickers written out explicitly, without a universe to check them against: cashtags ({@code $AAPL},
 * {@code $BRK.B}) and exchange prefixes ({@code (NASDAQ: MSFT)}, {@code NYSE:F}). Crypto cashtags
 * ({@code $BTC.X}, {@code $ETH-USD}) and amounts ({@code $100}) are not tickers. Upper-case symbols only. A
 * universe-backed extractor replaces this default bean; its patterns are shared.
 */
@ApplicationScoped
@DefaultBean
public class PatternTickerExtractor implements TickerExtractor {

    /** 1-5 letters, optionally a one-letter share class after '.' or '-'; never glued to more symbol text. */
    private static final String SYMBOL = "([A-Z]{1,5})(?:([.\\-])([A-Z]))?(?![A-Za-z0-9_]|[.\\-][A-Za-z0-9])";
    public static final Pattern CASHTAG = Pattern.compile("(?<![A-Za-z0-9_$])\\$" + SYMBOL);
    public static final Pattern EXCHANGE = Pattern.compile(
            "\\b(?i:NASDAQ(?:GS|GM|CM)?|NYSE(?:\\s?(?:American|Arca|MKT))?|AMEX|Cboe(?:\\s?BZX)?|OTC(?:QX|QB|MKTS)?)"
                    + "\\s*:\\s*" + SYMBOL);
    /** Crypto cashtags: Stocktwits' {@code $BTC.X} and pairs such as {@code $ETH-USD}, {@code $DOGE-USDT}. */
    static final Pattern CRYPTO_CASHTAG = Pattern.compile(
            "(?<![A-Za-z0-9_$])\\$([A-Z0-9]{2,10})(?:\\.X|-(?:USDT|USDC|USD|EUR|BTC|ETH))(?![A-Za-z0-9])");

    @Override
    public Extraction extract(String text, List<String> sourceTickers) {
        Map<String, TickerMention> found = new LinkedHashMap<>();
        List<CryptoMention> crypto = new ArrayList<>();
        if (text != null) {
            Matcher coins = CRYPTO_CASHTAG.matcher(text);
            while (coins.find()) {
                crypto.add(new CryptoMention(coins.group(), coins.group(1), "STOCKTWITS_SUFFIX", coins.start()));
            }
            collect(CASHTAG.matcher(text), Evidence.CASHTAG, found);
            collect(EXCHANGE.matcher(text), Evidence.EXCHANGE, found);
        }
        sourceTickers.forEach(symbol -> found.putIfAbsent(symbol + "/SOURCE", new TickerMention(symbol, Evidence.SOURCE)));
        return new Extraction(List.copyOf(found.values()), crypto);
    }

    private static void collect(Matcher matcher, Evidence evidence, Map<String, TickerMention> found) {
        while (matcher.find()) {
            String symbol = symbol(matcher);
            if (symbol != null) {
                found.putIfAbsent(symbol + "/" + evidence, new TickerMention(symbol, evidence, matcher.group(), matcher.start()));
            }
        }
    }

    /** The published spelling of a CASHTAG or EXCHANGE match (BRK-B and BRK.B are one listing), or null for crypto. */
    public static String symbol(Matcher matcher) {
        String shareClass = matcher.group(3);
        if (shareClass == null) {
            return matcher.group(1);
        }
        if (".".equals(matcher.group(2)) && "X".equals(shareClass)) {
            return null; // Stocktwits writes crypto as $BTC.X; no listed share class is X
        }
        return matcher.group(1) + "." + shareClass;
    }
}
