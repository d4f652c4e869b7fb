package com.tradethehype.gateway.service;

/** Domain failures of the account flows, each answered by its own status in {@code rest/}. */
public final class Problems {

    private Problems() {
    }

    /** The email already has an account (409). */
    public static class EmailTaken extends RuntimeException {
        public EmailTaken() {
            super("an account with this email already exists");
        }
    }

    /** Wrong email or password; deliberately does not say which (401). */
    public static class BadCredentials extends RuntimeException {
        public BadCredentials() {
            super("email or password is wrong");
        }
    }

    /** The token's account was deleted (401: sign in again). */
    public static class AccountGone extends RuntimeException {
        public AccountGone() {
            super("this account no longer exists");
        }
    }
}
