package com.tradethehype.ingest.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bare upper-case symbols ({@code NVDA}, not {@code $NVDA}) count only with strong context: in parentheses
 * ({@code Tiziana Life (TLSA)}) unless the words before spell it out as an abbreviation ({@code Internet of
 * Things (IOT)}), or next to a market word ({@code shares of NVDA}, {@code GME calls}, {@code buy PLTR}). Never
 * for word-like symbols (IT, ALL, CAN, ON ...), slang (DD, YOLO, CEO ...), or in a text written in capitals.
 */
final class BareSymbols {

    /** A bare symbol accepted, with where it is in the text. */
    record Match(String symbol, String text, int start) {
    }

    private static final Pattern BARE = Pattern.compile(
            "(?<![A-Za-z0-9_$.\\-&'’/:])([A-Z]{1,5})(?:\\.([A-Z]))?(?![A-Za-z0-9]|[.\\-'’&][A-Za-z0-9])");
    private static final Set<String> BEFORE = Set.of("buy", "buying", "bought", "sell", "selling", "sold", "long",
            "short", "shorting", "shorted", "holding", "hold", "added", "adding", "own", "ticker");
    private static final Set<String> BEFORE_OF = Set.of("shares", "stake", "stock", "calls", "puts", "options");
    private static final Set<String> AFTER = Set.of("shares", "share", "stock", "stocks", "calls", "puts", "options",
            "earnings", "eps", "revenue", "guidance", "dividend", "price", "pt", "holders", "bulls", "bears", "squeeze",
            "position", "leaps", "chart", "ipo");

    private final TickerUniverse universe;
    private final WordLists words;

    BareSymbols(TickerUniverse universe, WordLists words) {
        this.universe = universe;
        this.words = words;
    }

    List<Match> find(String text) {
        List<Match> found = new ArrayList<>();
        if (mostlyCapitals(text)) {
            return found;
        }
        Matcher m = BARE.matcher(text);
        while (m.find()) {
            String symbol = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
            if (!universe.contains(symbol) || words.slang.contains(symbol) || words.isWordLike(m.group(1))) {
                continue;
            }
            boolean parenthesised = m.start() > 0 && text.charAt(m.start() - 1) == '('
                    && m.end() < text.length() && text.charAt(m.end()) == ')';
            if (parenthesised ? !abbreviates(text, m.start() - 1, m.group(1)) : marketWordNear(text, m.start(), m.end())) {
                found.add(new Match(symbol, parenthesised ? "(" + m.group() + ")" : m.group(), m.start()));
            }
        }
        return found;
    }

    /** Whether the words right before {@code (} start with the letters of {@code symbol} ({@code Initial Public Offering (IPO)}). */
    static boolean abbreviates(String text, int paren, String symbol) {
        String[] before = text.substring(Math.max(0, paren - 80), paren).trim().split("[\\s\\-]+");
        StringBuilder initials = new StringBuilder();
        for (int i = before.length - 1; i >= 0 && initials.length() < symbol.length(); i--) {
            if (!before[i].isEmpty()) {
                initials.insert(0, Character.toUpperCase(before[i].charAt(0)));
            }
        }
        return initials.toString().equals(symbol);
    }

    private boolean marketWordNear(String text, int start, int end) {
        List<String> left = lowerWords(text.substring(Math.max(0, start - 30), start));
        List<String> right = lowerWords(text.substring(end, Math.min(text.length(), end + 30)));
        String previous = left.isEmpty() ? "" : left.get(left.size() - 1);
        String beforePrevious = left.size() < 2 ? "" : left.get(left.size() - 2);
        String following = right.isEmpty() ? "" : right.get(0);
        return BEFORE.contains(previous) || previous.equals("of") && BEFORE_OF.contains(beforePrevious)
                || AFTER.contains(following);
    }

    private static List<String> lowerWords(String part) {
        List<String> out = new ArrayList<>();
        for (String word : part.toLowerCase().split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    /** Headlines in capitals make every word look like a symbol. */
    static boolean mostlyCapitals(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                upper += Character.isUpperCase(c) ? 1 : 0;
            }
        }
        return letters >= 12 && upper * 10 > letters * 6;
    }
}
