package com.tradethehype.ingest.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds company names in a text with one Aho-Corasick pass over the folded text. The dictionary holds, for each
 * Nasdaq/NYSE/Cboe company that is not a fund: its SEC title ({@code Realty Income Corp}), its short form without
 * legal suffixes ({@code Realty Income}) when that is several words or one word that is not English
 * ({@code Allstate}, but not {@code Apple} or {@code Target}), and the hand-written aliases ({@code Apple},
 * {@code Macy's}). A short form that is an English word ({@code Target}) counts only with a legal form after it
 * ({@code Target Corp}). A short form two companies share is dropped. A match counts only on word boundaries, written
 * with capitals ({@code apple pie} is not Apple), and the longest match wins where two overlap.
 */
final class NameMatcher {

    /** A company name found in a text; {@code start}/{@code end} index the original text. */
    record Match(String symbol, String text, int start, int end) {
    }

    private static final Set<String> SMALL_WORDS = Set.of("of", "and", "the", "de", "du", "la", "for", "a", "an",
            "in", "on", "at", "y", "s");
    private static final Set<String> LISTED_EXCHANGES = Set.of("Nasdaq", "NYSE", "CBOE");
    /** A weak name (an English word, {@code Target}) counts only followed by one of these ({@code Target Corp}). */
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "corp", "corporation", "co",
            "company", "group", "plc", "ltd", "limited", "holdings", "sa", "nv", "ag", "se");

    private final AhoCorasick automaton;
    private final WordLists words;
    private final List<String> symbols = new ArrayList<>();
    private final List<String> spelling = new ArrayList<>();
    private final List<Boolean> weak = new ArrayList<>();

    NameMatcher(TickerUniverse universe, WordLists words) {
        this.words = words;
        Map<String, String> symbolOf = new HashMap<>();
        Map<String, String> weakSymbolOf = new HashMap<>();
        Map<String, String> written = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Set<Long> seenCiks = new HashSet<>();
        for (Listing company : universe.companies()) {
            if (company.exchange() == null || !LISTED_EXCHANGES.contains(company.exchange()) || company.etf()
                    || !seenCiks.add(company.cik())) {
                continue;
            }
            String full = NormalisedText.fold(CompanyNames.cleanTitle(company.name()));
            String shortForm = CompanyNames.stripSuffixes(full);
            if (!full.equals(shortForm) && full.indexOf(' ') > 0) {
                add(full, company.symbol(), symbolOf, ambiguous);
            }
            for (String name : List.of(shortForm, CompanyNames.stripTradeWords(shortForm))) {
                if (name.isEmpty() || name.chars().allMatch(c -> Character.isDigit(c) || c == ' ')) {
                    continue;
                }
                if (CompanyNames.GENERIC.containsAll(List.of(name.split(" ")))) {
                    continue;
                }
                boolean distinctive = name.indexOf(' ') > 0 || name.length() >= 4 && !words.isEnglish(name);
                // a weak name must at least be a rare word: "Target Corp" is an alias, "City Group" is nobody
                if (distinctive || name.length() >= 3 && !words.isCommon(name)) {
                    add(name, company.symbol(), distinctive ? symbolOf : weakSymbolOf, ambiguous);
                }
            }
        }
        weakSymbolOf.keySet().removeAll(symbolOf.keySet());
        ambiguous.forEach(symbolOf::remove);
        CompanyNames.NOT_COMPANIES.forEach(symbolOf::remove);
        words.aliases.forEach((alias, symbol) -> {
            String key = NormalisedText.fold(alias);
            symbolOf.put(key, symbol);
            written.put(key, alias);
        });
        ambiguous.forEach(weakSymbolOf::remove);
        CompanyNames.NOT_COMPANIES.forEach(weakSymbolOf::remove);
        AhoCorasick.Builder builder = new AhoCorasick.Builder();
        for (Map<String, String> entries : List.of(symbolOf, weakSymbolOf)) {
            entries.forEach((key, symbol) -> {
                builder.add(key);
                symbols.add(symbol);
                spelling.add(written.get(key));
                weak.add(entries == weakSymbolOf);
            });
        }
        automaton = builder.build();
    }

    int size() {
        return symbols.size();
    }

    /** The names in {@code text}, leftmost-longest, without overlaps, in order. */
    List<Match> find(NormalisedText text) {
        List<int[]> hits = new ArrayList<>();
        automaton.search(text.chars, text.length, (value, start, end) -> {
            if (text.isWord(start, end)) {
                hits.add(new int[] {start, end, value});
            }
        });
        hits.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<Match> matches = new ArrayList<>();
        int taken = 0;
        for (int[] hit : hits) {
            if (hit[0] < taken) {
                continue;
            }
            int end = weak.get(hit[2]) ? withLegalForm(text, hit[1]) : hit[1];
            if (end < 0) {
                continue;
            }
            String original = text.originalText(hit[0], end);
            int start = text.origin[hit[0]];
            boolean oneWord = original.chars().allMatch(Character::isLetterOrDigit);
            if (capitalised(original, spelling.get(hit[2])) && !(oneWord && NameContext.notTheCompany(text.original,
                    start, start + original.length(), spelling.get(hit[2]), words.isEnglish(original.toLowerCase())))) {
                matches.add(new Match(symbols.get(hit[2]), original, start, start + original.length()));
                taken = end;
            }
        }
        return matches;
    }

    /** The end of the legal form that follows a weak name at {@code end} ({@code Target| Corp}), or -1. */
    private static int withLegalForm(NormalisedText text, int end) {
        if (end >= text.length) {
            return -1;
        }
        int next = end + 1;
        while (next < text.length && text.chars[next] != ' ') {
            next++;
        }
        return LEGAL_FORMS.contains(new String(text.chars, end + 1, next - end - 1)) ? next : -1;
    }

    /** Written as a name: the alias's own spelling, or every word (but small ones) starting upper case. */
    static boolean capitalised(String original, String alias) {
        if (original.equals(alias)) {
            return true;
        }
        int i = 0;
        while (i < original.length()) {
            while (i < original.length() && !Character.isLetterOrDigit(original.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < original.length() && Character.isLetterOrDigit(original.charAt(i))) {
                i++;
            }
            if (i > start && Character.isLowerCase(original.charAt(start))
                    && !SMALL_WORDS.contains(original.substring(start, i))) {
                return false;
            }
        }
        return true;
    }

    private static void add(String key, String symbol, Map<String, String> symbolOf, Set<String> ambiguous) {
        String before = symbolOf.putIfAbsent(key, symbol);
        if (before != null && !before.equals(symbol)) {
            ambiguous.add(key);
        }
    }
}
