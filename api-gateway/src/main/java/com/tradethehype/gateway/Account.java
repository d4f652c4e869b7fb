package com.tradethehype.gateway;

import java.time.Instant;
import java.util.UUID;

/** A user account: the email is its login (lower case), the subscriber is its digest subscription. */
public record Account(UUID id, String email, String passwordHash, String subscriberId, Instant createdAt) {
}
