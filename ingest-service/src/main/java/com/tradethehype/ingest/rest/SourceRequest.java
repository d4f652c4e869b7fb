package com.tradethehype.ingest.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A source to add at run time ({@code POST /sources}); the same fields as {@code ingest.sources.<name>.*}.
 *
 * @param kind     {@code rss} (default), {@code reddit} or {@code stocktwits}
 * @param enabled  true when absent
 * @param interval ISO-8601 ({@code PT15M}) or short form ({@code 15m}); the global poll interval when absent
 * @param weight   1 when absent
 */
public record SourceRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be 1-64 of a-z 0-9 . _ - ") String name,
        @NotBlank @Size(max = 2000) String url,
        String kind,
        Boolean enabled,
        @Size(max = 50) List<@Pattern(regexp = "[A-Za-z]{1,5}([.-][A-Za-z])?") String> tickers,
        String interval,
        @Positive Double weight) {
}
