package com.tradethehype.gateway.rest;

import com.tradethehype.web.InvalidRequestException;
import java.util.Locale;

/** Stock symbols as the API accepts them: a letter, then up to nine letters, digits, dots or dashes. */
final class Symbols {

    static final String PATTERN = "[A-Za-z][A-Za-z0-9.\\-]{0,9}";

    private Symbols() {
    }

    static String upper(String name, String symbol) {
        if (symbol == null || !symbol.matches(PATTERN)) {
            throw new InvalidRequestException(name + " must be a stock symbol such as MSFT or BRK.B");
        }
        return symbol.toUpperCase(Locale.ROOT);
    }
}
