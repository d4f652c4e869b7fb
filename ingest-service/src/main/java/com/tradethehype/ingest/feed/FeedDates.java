package com.tradethehype.ingest.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Feed dates: RFC 1123 in RSS, ISO 8601 in Atom, and the usual deviations from both. */
final class FeedDates {

    private static final List<DateTimeFormatter> RFC_822_STYLES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            // zone names such as EST or PDT, which RFC 1123 parsing refuses
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH));

    private FeedDates() {
    }

    /** The instant {@code text} names, or null when it is missing or in no format we know. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim().replaceAll("\\s+", " ");
        if (!value.isEmpty() && Character.isDigit(value.charAt(0)) && value.contains("T")) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                // fall through: maybe "2020-08-01T20:57:44Z" with an unusual zone; try the rest
            }
        }
        for (DateTimeFormatter format : RFC_822_STYLES) {
            try {
                return ZonedDateTime.parse(value, format).toInstant();
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
