package com.tradethehype.digest.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** What the API accepts as a stock symbol, and how it normalises lists of them. */
final class Symbols {

    static final String PATTERN = "[A-Za-z][A-Za-z0-9.\\-]{0,9}";
    static final String MESSAGE = "must be a stock symbol such as MSFT or BRK.B";

    private Symbols() {
    }

    /** Upper-cased, de-duplicated, in the order given; null stays null. */
    static List<String> normalise(List<String> symbols) {
        if (symbols == null) {
            return null;
        }
        var set = new LinkedHashSet<String>();
        symbols.forEach(s -> set.add(s.toUpperCase(Locale.ROOT)));
        return List.copyOf(set);
    }
}
