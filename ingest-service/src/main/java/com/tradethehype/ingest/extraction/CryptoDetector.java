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
 * {@code blockchain}, {@code token}). Coin names that are ordinary words or people (Stellar, Avalanche, Official
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

    private final Set<String> coinSymbols = new HashSet<>();
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
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading coingecko_top_coins.json failed", e);
        }
        keys.forEach((key, symbol) -> {
            builder.add(key);
            nameSymbols.add(symbol);
            nameKinds.add("COIN_NAME");
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
        names.search(text.chars, text.length, (value, start, end) -> {
            if (text.isWord(start, end)) {
                context[0] = true;
                if (nameSymbols.get(value) != null) {
                    mentions.add(new CryptoMention(text.originalText(start, end), nameSymbols.get(value),
                            nameKinds.get(value), text.origin[start]));
                }
            }
        });
        return new Scan(mentions, context[0]);
    }
}
