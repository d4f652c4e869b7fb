package com.tradethehype.ingest.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One spelling per article URL, so the same article reached through different feeds or campaigns gets the same
 * id: the target of a redirect wrapper (see {@link RedirectLinks}), lower-case scheme and host, no default port,
 * no fragment, no tracking parameters. Everything else (path,
 * the other parameters and their order, percent-encoding) is kept as it was, because servers may care.
 */
final class CanonicalUrl {

    /** Parameters that say how a reader arrived, not what they read. {@code .tsrc} and the rest are Yahoo's. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "cmpid", "ref_src", ".tsrc", "ncid", "guccounter",
            "guce_referrer", "guce_referrer_sig");

    private CanonicalUrl() {
    }

    /**
     * The canonical form of {@code link} (of the article behind it, for a redirect wrapper we can open), or empty
     * when it is not an absolute http(s) URL.
     */
    static Optional<String> of(String link) {
        return of(link, true);
    }

    private static Optional<String> of(String link, boolean unwrap) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(link.trim().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        Optional<String> wrapped = unwrap ? RedirectLinks.target(uri) : Optional.empty();
        if (wrapped.isPresent()) {
            Optional<String> target = of(wrapped.get(), false);
            if (target.isPresent()) {
                return target;
            }
        }
        StringBuilder url = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
            url.append(':').append(port);
        }
        String path = uri.getRawPath();
        url.append(path == null || path.isEmpty() ? "/" : path);
        String query = withoutTracking(uri.getRawQuery(), uri.getHost().equalsIgnoreCase("news.google.com"));
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        return Optional.of(url.toString());
    }

    /** @param googleNews also drop {@code oc}, which Google News adds to every article link */
    private static String withoutTracking(String query, boolean googleNews) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : query.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)
                    && !(googleNews && name.equals("oc"))) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }
}
