package com.tradethehype.digest.rest;

import com.tradethehype.digest.Subscriber;
import java.time.Instant;
import java.util.List;

/** A subscriber as the API shows it. */
public record SubscriberResponse(long id, String email, boolean active, List<String> watchlist, Instant createdAt) {

    static SubscriberResponse from(Subscriber s) {
        return new SubscriberResponse(s.id(), s.email(), s.active(), s.watchlist(), s.createdAt());
    }
}
