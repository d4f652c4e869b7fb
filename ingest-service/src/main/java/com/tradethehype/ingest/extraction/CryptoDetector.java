package com.tradethehype.ingest.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.ingest.CryptoMention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises crypto by context, so that crypto never leaves the service while stocks whose symbols are also coins
 * (M, GT, IP, LTC, LINK ...) stay: explicit crypto forms ({@code $BTC.X}, {@code $ETH-USD}, {@code BTC-USD},
 * {@code BTC/USDT}), coin names ({@code Bitcoin}, {@code Solana}) and crypto words ({@code crypto},
 * {@code blockchain}, {@code token}); coins beyond that list come from {@code crypto-coins-extra.tsv}. Coin names that are ordinary words or people (Stellar, Avalanche, Official
 * Trump, Story, Sky) are not used as context.
 */
final class CryptoDetector {

    /** The result for one text: the explicit crypto mentions, and whether the text is about crypto at all. */
    record Scan(List<CryptoMention> mentions, boolean context) {
    }

    static final Pattern SUFFIXED_CASHTAG = Pattern.compile(
            "(?<![A-Za-z0-9_$])\\$([A-Z0-9]{2,10})(\\.X|-(?:USDT|USDC|USD|EUR|BTC|ETH))(?![A-Za-z0-9])");
    private static final Pattern PAIR = Pattern.compile(
            "(?<![A-Za-z0-9_$.\\-])([A-Z]{2,6})[-/](USDT|USDC|USD|EUR|BTC)(?![A-Za-z0-9])");
    private static final Set<String> NOT_CONTEXT = Set.of("official trump", "internet computer", "aster", "ondo",
            "pepe", "sui", "sei", "sky", "story", "gate", "hash", "render", "quant", "flare", "mantle", "stellar",
            "avalanche", "bonk", "near protocol", "tron", "dai", "pi network", "memecore", "figure heloc", "usd1",
            "pol ex matic");

    /**
     * Words that, right after a coin's name, make it a company's name: {@code Cronos Group Inc.} is the cannabis
     * company, not the coin Cronos.
     */
    private static final Set<String> COMPANY_WORDS = Set.of("group", "inc", "incorporated", "corp", "corporation",
            "holdings", "holding", "ltd", "limited", "plc", "llc", "co", "company", "ag", "sa", "nv", "se");

    /**
     * Coin names that are words or names too, so no context of their own, but the coin where the text is about crypto
     * already and they are written with a capital: {@code Sui and Aptos both bled}, {@code Chainlink and Avalanche}.
     */
    private static final Set<String> NAMES_IN_CONTEXT = Set.of("sui", "avalanche", "render", "tron", "stellar",
            "pepe", "bonk", "ondo", "sei", "mantle", "flare", "quant");
    /** A cashtag longer than any stock symbol that is a coin's: {@code $RENDER}, {@code $PENDLE}, {@code $1INCH}. */
    private static final Pattern LONG_CASHTAG = Pattern.compile("(?<![A-Za-z0-9_$])\\$([A-Z0-9]{6,10})(?![A-Za-z0-9_])");

    private final Set<String> coinSymbols = new HashSet<>();
    private final Map<String, String> contextNames = new HashMap<>();
    private final List<String> nameSymbols = new ArrayList<>();
    private final List<String> nameKinds = new ArrayList<>();
    private final AhoCorasick names;

    CryptoDetector(ObjectMapper json, WordLists words) {
        AhoCorasick.Builder builder = new AhoCorasick.Builder();
        Map<String, String> keys = new HashMap<>();
        try (InputStream in = TickerUniverse.resource("coingecko_top_coins.json")) {
            for (JsonNode coin : json.readTree(in)) {
                String symbol = coin.path("symbol").asText().toUpperCase(Locale.ROOT);
                coinSymbols.add(symbol);
                String name = NormalisedText.fold(coin.path("name").asText());
                boolean distinctive = name.indexOf(' ') > 0 || name.length() >= 3 && !words.isEnglish(name);
                if (distinctive && !NOT_CONTEXT.contains(name)) {
                    keys.putIfAbsent(name, symbol);
                } else if (NAMES_IN_CONTEXT.contains(name)) {
                    contextNames.putIfAbsent(name, symbol);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading coingecko_top_coins.json failed", e);
        }
        for (String line : WordLists.read("crypto-coins-extra.tsv", true)) {
            String[] f = line.split("\t");
            coinSymbols.add(f[0].trim());
            if (f.length > 2 && f[2].trim().equals("yes")) {
                keys.putIfAbsent(NormalisedText.fold(f[1].trim()), f[0].trim());
            }
        }
        keys.forEach((key, symbol) -> {
            builder.add(key);
            nameSymbols.add(symbol);
            nameKinds.add("COIN_NAME");
        });
        contextNames.forEach((key, symbol) -> {
            builder.add(key);
            nameSymbols.add(symbol);
            nameKinds.add("COIN_NAME_IN_CONTEXT");
        });
        for (String word : words.cryptoWords) {
            builder.add(word);
            nameSymbols.add(null);
            nameKinds.add("CRYPTO_WORD");
        }
        names = builder.build();
    }

    boolean isCoin(String symbol) {
        return coinSymbols.contains(symbol);
    }

    Scan scan(NormalisedText text) {
        List<CryptoMention> mentions = new ArrayList<>();
        boolean[] context = {false};
        Matcher cashtag = SUFFIXED_CASHTAG.matcher(text.original);
        while (cashtag.find()) {
            mentions.add(new CryptoMention(cashtag.group(), cashtag.group(1), "PAIR", cashtag.start()));
            context[0] = true;
        }
        Matcher pair = PAIR.matcher(text.original);
        while (pair.find()) {
            if (coinSymbols.contains(pair.group(1))) {
                mentions.add(new CryptoMention(pair.group(), pair.group(1), "PAIR", pair.start()));
                context[0] = true;
            }
        }
        Matcher longTag = LONG_CASHTAG.matcher(text.original);
        while (longTag.find()) {
            if (coinSymbols.contains(longTag.group(1))) {
                mentions.add(new CryptoMention(longTag.group(), longTag.group(1), "COIN_SYMBOL", longTag.start()));
                context[0] = true;
            }
        }
        List<CryptoMention> inContext = new ArrayList<>();
        names.search(text.chars, text.length, (value, start, end) -> {
            if ("COIN_NAME_IN_CONTEXT".equals(nameKinds.get(value))) {
                if (text.isWord(start, end) && Character.isUpperCase(text.original.charAt(text.origin[start]))
                        && !companyWordAfter(text, end)) {
                    inContext.add(new CryptoMention(text.originalText(start, end), nameSymbols.get(value),
                            "COIN_NAME", text.origin[start]));
                }
                return;
            }
            if (text.isWord(start, end) && !(nameSymbols.get(value) != null && companyWordAfter(text, end))) {
                context[0] = true;
                if (nameSymbols.get(value) != null) {
                    mentions.add(new CryptoMention(text.originalText(start, end), nameSymbols.get(value),
                            nameKinds.get(value), text.origin[start]));
                }
            }
        });
        if (context[0]) {
            mentions.addAll(inContext);
        }
        return new Scan(mentions, context[0]);
    }

    /** Whether the word after folded position {@code end} is a company word ({@code Cronos Group}, {@code ... Inc.}). */
    private static boolean companyWordAfter(NormalisedText text, int end) {
        if (end >= text.length) {
            return false;
        }
        int from = end + 1;
        int to = from;
        while (to < text.length && text.chars[to] != ' ') {
            to++;
        }
        return to > from && COMPANY_WORDS.contains(new String(text.chars, from, to - from));
    }
}
