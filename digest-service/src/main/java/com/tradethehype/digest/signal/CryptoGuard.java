package com.tradethehype.digest.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.TickerEvidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * digest-service's own check that crypto never reaches a signal, behind ingest's context-based filter. A coin
 * symbol that is no stock (DOGE, XRP) is always crypto; one that is also a stock (M = Macy's, BTC = a Grayscale
 * trust) is crypto only when its evidence reads like a coin ({@code $BTC.X}, {@code BTC-USD}, "Bitcoin").
 */
@ApplicationScoped
public class CryptoGuard {

    private static final Pattern COIN_FORM = Pattern.compile("(?i)(\\.X$|[-/](USDT|USDC|USD|EUR|BTC)$)");

    private final Set<String> coinOnly = new HashSet<>();
    private final Map<String, String> overlapNames = new HashMap<>();

    public CryptoGuard(ObjectMapper json) {
        Set<String> overlap = readLines("crypto/stock-overlap.txt");
        try (InputStream in = resource("crypto/coingecko_top_coins.json")) {
            for (JsonNode coin : json.readTree(in)) {
                String symbol = coin.path("symbol").asText().toUpperCase(Locale.ROOT);
                if (overlap.contains(symbol)) {
                    overlapNames.putIfAbsent(symbol, coin.path("name").asText().toLowerCase(Locale.ROOT));
                } else {
                    coinOnly.add(symbol);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading crypto/coingecko_top_coins.json failed", e);
        }
    }

    /** True when {@code ticker}, with the evidence an article gave for it, is a coin rather than a stock. */
    public boolean isCrypto(String ticker, List<TickerEvidence> evidence) {
        String symbol = ticker.toUpperCase(Locale.ROOT);
        if (coinOnly.contains(symbol)) {
            return true;
        }
        String coinName = overlapNames.get(symbol);
        if (coinName == null) {
            return false;
        }
        return evidence.stream().filter(e -> e.symbol().equalsIgnoreCase(symbol))
                .anyMatch(e -> COIN_FORM.matcher(e.text().trim()).find()
                        || e.text().trim().toLowerCase(Locale.ROOT).equals(coinName));
    }

    /** True when {@code ticker} is a coin symbol and no stock at all (used where no evidence is at hand). */
    public boolean isCoinOnly(String ticker) {
        return coinOnly.contains(ticker.toUpperCase(Locale.ROOT));
    }

    private static Set<String> readLines(String name) {
        Set<String> lines = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            in.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + name + " failed", e);
        }
        return lines;
    }

    private static InputStream resource(String name) {
        InputStream in = CryptoGuard.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name);
        }
        return in;
    }
}
