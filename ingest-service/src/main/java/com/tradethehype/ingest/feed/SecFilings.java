package com.tradethehype.ingest.feed;

import java.net.URI;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an SEC EDGAR URL says about the filer it is for. */
public final class SecFilings {

    private static final Pattern CIK = Pattern.compile("(?i)(?:^|&)CIK=0*(\\d{1,10})(?:&|$)");

    private SecFilings() {
    }

    /** The central index key of an EDGAR company feed ({@code browse-edgar?action=getcompany&CIK=...}), if any. */
    public static OptionalLong cikOf(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (!(host.equals("sec.gov") || host.endsWith(".sec.gov")) || url.getRawQuery() == null) {
            return OptionalLong.empty();
        }
        Matcher m = CIK.matcher(url.getRawQuery());
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
