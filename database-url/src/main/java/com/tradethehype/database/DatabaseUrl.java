package com.tradethehype.database;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the database is, who logs in, and how much TLS: parsed from one URL-style setting,
 * {@code postgresql://user:password@host:5432/dbname?sslmode=verify-full&sslrootcert=/path/ca.pem}
 * ({@code postgres://} and {@code jdbc:postgresql://...?user=..&password=..} too). Its {@link #toString()} hides the
 * password.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, SslMode sslMode,
        String sslRootCert) {

    /** The environment variable users set; every message about the URL starts with it. */
    public static final String SETTING = "TTH_DB_URL";
    static final String FORM = "postgresql://USER:PASSWORD@HOST:5432/DBNAME?sslmode=verify-full&sslrootcert=/path/ca.pem";

    /** Parses the setting; a URL that cannot work is a {@link DatabaseSettingException} that never repeats it. */
    public static DatabaseUrl parse(String text) {
        String url = text.strip();
        if (url.startsWith("jdbc:")) {
            url = url.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw fail("is not a URL of the form " + FORM + " (percent-encode @ : / ? # % in the password, e.g. @ as %40)");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw fail("must start with postgresql:// or postgres://, as in " + FORM);
        }
        if (uri.getHost() == null) {
            throw fail("names no host (or one host only is supported; percent-encode @ : / in the password), as in " + FORM);
        }
        String database = uri.getRawPath() == null ? "" : decode(uri.getRawPath().replaceFirst("^/", ""));
        if (database.isEmpty()) {
            throw fail("names no database: add /DBNAME after the host, as in " + FORM);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] info = uri.getRawUserInfo().split(":", 2);
            user = decode(info[0]);
            password = info.length > 1 ? decode(info[1]) : null;
        }
        Map<String, String> query = query(uri.getRawQuery());
        user = query.getOrDefault("user", user);
        password = query.getOrDefault("password", password);
        if (user == null || user.isEmpty()) {
            throw fail("names no user: postgresql://USER:PASSWORD@HOST/...");
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), database, user,
                password == null || password.isEmpty() ? null : password, sslMode(query), query.get("sslrootcert"));
    }

    private static SslMode sslMode(Map<String, String> query) {
        // secure by default: a URL that does not say otherwise gets TLS (sslmode=disable for a local database)
        String value = query.getOrDefault("sslmode", SslMode.REQUIRE.value());
        SslMode mode = SslMode.of(value);
        if (mode == null) {
            throw fail("sslmode=" + value + " is not supported: use disable, require, verify-ca or verify-full");
        }
        String rootCert = query.get("sslrootcert");
        if (mode.verifiesCertificate() && (rootCert == null || rootCert.isEmpty())) {
            throw fail("sslmode=" + mode.value() + " needs sslrootcert=/path/to/ca.pem (the CA bundle of your database provider)");
        }
        if (!mode.verifiesCertificate() && rootCert != null) {
            throw fail("sslrootcert is not used with sslmode=" + mode.value()
                    + ": use sslmode=verify-full to check the certificate against it");
        }
        return mode;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = decode(kv[0]);
            if (!key.equals("sslmode") && !key.equals("sslrootcert") && !key.equals("user") && !key.equals("password")) {
                throw fail("parameter '" + key + "' is not supported (known: sslmode, sslrootcert, user, password)");
            }
            query.put(key, kv.length > 1 ? decode(kv[1]) : "");
        }
        return query;
    }

    /** Percent-decoding as in URLs ({@code +} stays a plus: libpq does not read it as a space). */
    private static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw fail("has a '%' that starts no %XX escape (percent-encode % itself as %25)");
                }
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static DatabaseSettingException fail(String problem) {
        return new DatabaseSettingException(SETTING, problem);
    }

    /** host:port, as messages name the server (an IPv6 host keeps its brackets). */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "postgresql://" + user + (password == null ? "" : ":***") + "@" + address() + "/" + database
                + "?sslmode=" + sslMode.value() + (sslRootCert == null ? "" : "&sslrootcert=" + sslRootCert);
    }
}
