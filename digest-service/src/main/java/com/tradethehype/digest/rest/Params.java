package com.tradethehype.digest.rest;

import com.tradethehype.digest.signal.SignalKind;
import com.tradethehype.web.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses the read API's query and path parameters into 400 problems that name the field. */
final class Params {

    private Params() {
    }

    static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " must be a date as YYYY-MM-DD, was '" + value + "'");
        }
    }

    static Optional<SignalKind> kind(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignalKind.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("kind must be one of " + Arrays.stream(SignalKind.values())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", was '" + value + "'");
        }
    }

    static String symbol(String value) {
        if (value == null || !value.matches(Symbols.PATTERN)) {
            throw new InvalidRequestException("symbol " + Symbols.MESSAGE + ", was '" + value + "'");
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
