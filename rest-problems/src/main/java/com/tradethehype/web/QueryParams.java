package com.tradethehype.web;

/** Parses numeric query parameters in the resource, so a bad one is a 400 that names it rather than a bare 404. */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code value} as an int in [{@code min}, {@code max}], or an {@link InvalidRequestException} naming {@code name}. */
    public static int intInRange(String name, String value, int min, int max) {
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
