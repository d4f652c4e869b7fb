package com.tradethehype.gateway.service;

import com.tradethehype.web.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as logins: trimmed, lower case, one {@code @}, a dotted domain, at most 254 characters. */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Emails() {
    }

    /** The address to store, or a 400 naming {@code email}. */
    public static String normalise(String email) {
        String trimmed = email == null ? "" : email.trim();
        if (trimmed.length() > 254 || !SHAPE.matcher(trimmed).matches() || trimmed.contains("..")) {
            throw new InvalidRequestException("email must be an address such as trader@example.com");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /** The address to look up at sign-in; any string is accepted so a typo is just a failed sign-in. */
    public static String normaliseForLookup(String email) {
        String trimmed = email == null ? "" : email.trim();
        return (trimmed.length() > 254 ? trimmed.substring(0, 254) : trimmed).toLowerCase(Locale.ROOT);
    }
}
