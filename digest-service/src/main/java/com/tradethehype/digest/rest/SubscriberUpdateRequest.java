package com.tradethehype.digest.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A change to a subscriber: what is null stays as it is; {@code active=false} deactivates. */
public record SubscriberUpdateRequest(
        Boolean active,
        @Size(max = 50) List<@Pattern(regexp = Symbols.PATTERN, message = Symbols.MESSAGE) String> watchlist) {
}
