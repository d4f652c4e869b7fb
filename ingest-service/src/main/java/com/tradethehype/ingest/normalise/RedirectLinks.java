package com.tradethehype.ingest.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovers the article behind a redirect wrapper, so that the same story reached through an aggregator and
 * directly gets one id: Google News article links (whose id, in the older format, is base64 of a small protobuf
 * carrying the URL), Google's {@code /url?q=}, Bing News' {@code apiclick.aspx?url=} and Yahoo search's
 * {@code /RU=.../RK=}. A wrapper whose target cannot be recovered offline (newer Google ids) stays as it is.
 */
final class RedirectLinks {

    /** Protobuf field 4, length-delimited: where the older Google News ids keep the article URL. */
    private static final int URL_FIELD = 0x22;

    private RedirectLinks() {
    }

    /** The wrapped target of {@code link}, if it is a wrapper we can open. */
    static Optional<String> target(URI link) {
        String host = link.getHost() == null ? "" : link.getHost().toLowerCase(Locale.ROOT);
        String path = link.getRawPath() == null ? "" : link.getRawPath();
        if (host.equals("news.google.com") && path.contains("/articles/")) {
            return googleNews(path.substring(path.lastIndexOf('/') + 1));
        }
        if ((host.equals("www.google.com") || host.equals("google.com")) && path.equals("/url")) {
            return parameter(link, "url").or(() -> parameter(link, "q"));
        }
        if (host.endsWith("bing.com") && path.endsWith("/apiclick.aspx")) {
            return parameter(link, "url");
        }
        if (host.equals("r.search.yahoo.com")) {
            int ru = path.indexOf("/RU=");
            if (ru >= 0) {
                int end = path.indexOf("/R", ru + 4);
                return http(decode(path.substring(ru + 4, end < 0 ? path.length() : end)));
            }
        }
        return Optional.empty();
    }

    static Optional<String> googleNews(String id) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(id.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (int i = 0; i + 2 < bytes.length; i++) {
            if ((bytes[i] & 0xff) != URL_FIELD) {
                continue;
            }
            int length = 0;
            int shift = 0;
            int at = i + 1;
            while (at < bytes.length && shift < 28) {
                int b = bytes[at++] & 0xff;
                length |= (b & 0x7f) << shift;
                shift += 7;
                if (b < 0x80) {
                    break;
                }
            }
            if (length > 0 && at + length <= bytes.length) {
                Optional<String> url = http(new String(bytes, at, length, StandardCharsets.UTF_8));
                if (url.isPresent()) {
                    return url;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> parameter(URI link, String name) {
        String query = link.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals(name)) {
                return http(decode(parts[1]));
            }
        }
        return Optional.empty();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Optional<String> http(String candidate) {
        try {
            URI uri = new URI(candidate.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(candidate.trim()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
