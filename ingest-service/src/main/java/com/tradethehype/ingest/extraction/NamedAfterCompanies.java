package com.tradethehype.ingest.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Proper nouns that contain a listed company's name but are not the company ({@code Citi Field}, {@code the Coca-Cola
 * 600}, {@code the Hershey Bears}, {@code the FedEx Cup}, {@code Ralph Waldo Emerson}), from the hand-written list
 * {@code resources/extraction/named-after-companies.txt}. Built once at start-up into one Aho-Corasick automaton over
 * the folded phrases; a text is searched in one pass. A phrase counts on word boundaries, where its first word is
 * written with a capital (or a digit, or in lower case where the list writes it so: {@code loanDepot park}), so a name
 * or a bare symbol inside it can be left out.
 */
final class NamedAfterCompanies {

    static final String FILE = "named-after-companies.txt";

    private final AhoCorasick automaton;
    private final int size;
    /** For each phrase, whether the list writes it lower case first, as its owner does ({@code loanDepot park}). */
    private final boolean[] lowerFirst;

    private NamedAfterCompanies(AhoCorasick automaton, int size, boolean[] lowerFirst) {
        this.automaton = automaton;
        this.size = size;
        this.lowerFirst = lowerFirst;
    }

    static NamedAfterCompanies load() {
        AhoCorasick.Builder builder = new AhoCorasick.Builder();
        int size = 0;
        List<Boolean> lower = new ArrayList<>();
        for (String phrase : WordLists.read(FILE, true)) {
            String key = NormalisedText.fold(phrase);
            if (!key.isEmpty()) {
                builder.add(key);
                lower.add(Character.isLowerCase(phrase.charAt(0)));
                size++;
            }
        }
        boolean[] lowerFirst = new boolean[size];
        for (int i = 0; i < size; i++) {
            lowerFirst[i] = lower.get(i);
        }
        return new NamedAfterCompanies(builder.build(), size, lowerFirst);
    }

    int size() {
        return size;
    }

    /**
     * The spans {@code [start, end)} of {@code text}'s original string that such phrases cover, in order of their end;
     * empty (and shared) when none.
     */
    List<int[]> spans(NormalisedText text) {
        List<int[]> spans = new ArrayList<>(0);
        automaton.search(text.chars, text.length, (value, start, end) -> {
            if (!text.isWord(start, end)) {
                return;
            }
            int from = text.origin[start];
            char first = text.original.charAt(from);
            if (Character.isUpperCase(first) || Character.isDigit(first) || lowerFirst[value]) {
                spans.add(new int[] {from, text.origin[end - 1] + 1});
            }
        });
        return spans;
    }

    /** Whether the original index {@code at} lies inside one of {@code spans}. */
    static boolean inside(List<int[]> spans, int at) {
        for (int[] span : spans) {
            if (at >= span[0] && at < span[1]) {
                return true;
            }
        }
        return false;
    }
}
