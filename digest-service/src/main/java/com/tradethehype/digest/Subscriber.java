package com.tradethehype.digest;

import java.time.Instant;
import java.util.List;

/** Someone who receives the daily digest (while {@code active}), with the tickers they watch. */
public record Subscriber(long id, String email, boolean active, List<String> watchlist, Instant createdAt) {
}
