package com.tradethehype.gateway.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Whether the daily digest is sent, and the tickers it should feature. */
public record SubscriptionRequest(
        @NotNull(message = "must be true or false") Boolean active,
        @NotNull(message = "must be a list of symbols, possibly empty") @Size(max = 50, message = "must list at most 50 symbols")
        List<@NotNull(message = "must not contain null")
             @Pattern(regexp = Symbols.PATTERN, message = "must hold stock symbols such as MSFT or BRK.B") String> watchlist) {
}
