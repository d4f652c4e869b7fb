package com.tradethehype.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What digest-service stores for a subscriber; {@code email} only on creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriberRequest(String email, Boolean active, List<String> watchlist) {
}
