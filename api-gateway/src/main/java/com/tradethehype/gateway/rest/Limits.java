package com.tradethehype.gateway.rest;

/** Parses numeric query parameters itself, so a bad one is a 400 that names it rather than a bare 404. */
final class Limits {

    private Limits() {
    }

    static int parse(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new InvalidRequestException(name + " must be a whole number from " + min + " to " + max + ", was '"
                + value + "'");
    }
}
