package com.tradethehype.digest.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new subscriber; {@code active} defaults to true (opted in to the daily digest). */
public record SubscriberRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 50) List<@Pattern(regexp = Symbols.PATTERN, message = Symbols.MESSAGE) String> watchlist,
        Boolean active) {
}
