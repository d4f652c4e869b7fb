package com.tradethehype.ingest.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Every listed symbol we accept as a ticker: the SEC's company tickers (with CIK and exchange) joined with the
 * NASDAQ Trader directory (which adds funds and share classes, and flags ETFs and test issues; test issues are
 * skipped). Symbols are spelled as published: {@code BRK-B} becomes {@code BRK.B}.
 */
public final class TickerUniverse {

    static final String FOLDER = "/extraction/";
    private static final Pattern PLAIN_SYMBOL = Pattern.compile("[A-Z]{1,5}(\\.[A-Z]{1,2})?");

    private final Map<String, Listing> bySymbol;
    private final Map<Long, List<String>> byCik;
    /** SEC rows in file order (largest companies first), for building the name dictionary. */
    private final List<Listing> companies;

    /** SEC titles spelled with the possessives the directory keeps ({@code KOHL'S Corp}), by symbol; few. */
    private final Map<String, String> possessiveTitles;

    private TickerUniverse(Map<String, Listing> bySymbol, Map<Long, List<String>> byCik, List<Listing> companies,
                           Map<String, String> possessiveTitles) {
        this.bySymbol = bySymbol;
        this.byCik = byCik;
        this.companies = companies;
        this.possessiveTitles = possessiveTitles;
    }

    /** The company's SEC title with the directory's possessives ({@code KOHL'S Corp}), or null when it has none. */
    String possessiveTitle(String symbol) {
        return possessiveTitles.get(symbol);
    }

    public Listing listing(String symbol) {
        return bySymbol.get(symbol);
    }

    public boolean contains(String symbol) {
        return bySymbol.containsKey(symbol);
    }

    /** The symbols of the SEC filer {@code cik}, primary first (as the SEC lists them). */
    public List<String> symbolsOfCik(long cik) {
        return byCik.getOrDefault(cik, List.of());
    }

    public int size() {
        return bySymbol.size();
    }

    List<Listing> companies() {
        return companies;
    }

    /** Reads the universe from the module's resources. */
    public static TickerUniverse load(ObjectMapper json) {
        Map<String, Listing> bySymbol = new HashMap<>(24_000);
        Map<Long, List<String>> byCik = new HashMap<>(12_000);
        List<Listing> companies = new ArrayList<>(10_100);
        Map<String, Boolean> etf = new HashMap<>(12_000);
        Map<String, String> nasdaqNames = new LinkedHashMap<>(12_000);
        Map<String, String> possessiveTitles = new HashMap<>();
        // Symbol|Security Name|Market Category|Test Issue|Financial Status|Round Lot Size|ETF|NextShares
        lines("nasdaqlisted.txt", f -> directory(f, 0, 1, 3, 6, nasdaqNames, etf));
        // ACT Symbol|Security Name|Exchange|CQS Symbol|ETF|Round Lot Size|Test Issue|NASDAQ Symbol
        lines("otherlisted.txt", f -> directory(f, 0, 1, 6, 4, nasdaqNames, etf));
        try (InputStream in = resource("company_tickers_exchange.json")) {
            JsonNode data = json.readTree(in).path("data");
            for (JsonNode row : data) {
                String symbol = row.get(2).asText().trim().toUpperCase().replace('-', '.');
                long cik = row.get(0).asLong();
                String exchange = row.get(3).isNull() ? null : row.get(3).asText();
                Listing listing = new Listing(symbol, row.get(1).asText(), exchange, cik, etf.getOrDefault(symbol, false));
                if (bySymbol.putIfAbsent(symbol, listing) == null) {
                    // "KOHLS Corp" is Kohl's: the directory keeps the apostrophe the SEC drops, and news writes it
                    String possessive = CompanyNames.withPossessives(listing.name(), nasdaqNames.get(symbol));
                    if (!possessive.equals(listing.name())) {
                        possessiveTitles.put(symbol, possessive);
                    }
                    companies.add(listing);
                    byCik.computeIfAbsent(cik, c -> new ArrayList<>(2)).add(symbol);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading company_tickers_exchange.json failed", e);
        }
        nasdaqNames.forEach((symbol, name) -> bySymbol.putIfAbsent(symbol,
                new Listing(symbol, name, null, 0, etf.getOrDefault(symbol, false))));
        byCik.replaceAll((cik, symbols) -> List.copyOf(symbols));
        return new TickerUniverse(Collections.unmodifiableMap(bySymbol), Collections.unmodifiableMap(byCik),
                Collections.unmodifiableList(companies), Map.copyOf(possessiveTitles));
    }

    private static void directory(String[] f, int symbolAt, int nameAt, int testAt, int etfAt,
                                  Map<String, String> names, Map<String, Boolean> etf) {
        if (f.length <= Math.max(testAt, etfAt) || f[symbolAt].contains(" ") || "Y".equals(f[testAt])) {
            return; // header, trailer ("File Creation Time") and test issues
        }
        String symbol = f[symbolAt].trim();
        if (!PLAIN_SYMBOL.matcher(symbol).matches()) {
            return; // preferreds (ABR$D), when-issued and other forms nobody writes as a ticker
        }
        names.putIfAbsent(symbol, f[nameAt].trim());
        etf.put(symbol, "Y".equals(f[etfAt]));
    }

    static void lines(String file, Consumer<String[]> row) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                row.accept(line.split("\\|", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + file + " failed", e);
        }
    }

    static InputStream resource(String file) {
        InputStream in = TickerUniverse.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IllegalStateException("Resource " + FOLDER + file + " is missing from the build");
        }
        return in;
    }
}
