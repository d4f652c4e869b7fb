package com.tradethehype.digest.signal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The time a digest day covers: the {@code length} before {@code end}, where {@code end} is the digest time
 * (06:30 America/Phoenix) on {@code date}.
 */
public record DigestWindow(LocalDate date, Instant start, Instant end) {

    public static DigestWindow of(LocalDate date, LocalTime at, ZoneId zone, Duration length) {
        Instant end = date.atTime(at).atZone(zone).toInstant();
        return new DigestWindow(date, end.minus(length), end);
    }

    /** The digest day whose window ends at the latest digest time at or before {@code now}. */
    public static LocalDate dayAt(Instant now, LocalTime at, ZoneId zone) {
        var local = now.atZone(zone);
        return local.toLocalTime().isBefore(at) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }
}
