package com.tradethehype.gateway.rest;

import com.tradethehype.gateway.service.AccountService.Session;
import java.time.Instant;

/** A signed-in account: send {@code token} as {@code Authorization: Bearer <token>} until {@code expiresAt}. */
public record SessionResponse(String token, String tokenType, Instant expiresAt, String email, String role) {

    static SessionResponse of(Session session) {
        return new SessionResponse(session.token().token(), "Bearer", session.token().expiresAt(),
                session.account().email(), session.token().role());
    }

    @Override
    public String toString() {
        return "SessionResponse[email=" + email + ", role=" + role + ", token=***]";
    }
}
